"""Your account: the personal access tokens a reporting tool fetches exports with."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from services.account_forms import AccessTokenForm
from services.models import AccessToken, Lifetime


def _account_page(request, form: AccessTokenForm, status: int = 200):
    # 1 query: the user's tokens, newest first.
    tokens = list(request.user.access_tokens.all())
    context = {"form": form, "tokens": tokens, "now": timezone.now()}
    return render(request, "services/account.html", context, status=status)


@require_safe
def account(request):
    return _account_page(request, AccessTokenForm(user=request.user))


@never_cache
@require_POST
def create_token(request):
    """Make a token and show it, this once, in the answer to the POST: it is never stored,
    so it cannot be shown again (nor kept in the session to show after a redirect)."""
    form = AccessTokenForm(request.POST, user=request.user)
    if not form.is_valid():
        return _account_page(request, form)
    token, secret = AccessToken.create_for(
        request.user, form.cleaned_data["name"], Lifetime(form.cleaned_data["lifetime"])
    )
    export_url = request.build_absolute_uri("/export/assessments.csv")
    context = {"token": token, "secret": secret, "export_url": export_url}
    return render(request, "services/token_created.html", context)


@require_POST
def revoke_token(request, code):
    try:
        token = request.user.access_tokens.get(code=code)
    except (AccessToken.DoesNotExist, ValueError):
        raise Http404("No such token.") from None
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token._change_reason = "Revoked by its owner"
        token.save(update_fields=["revoked_at"])
        messages.success(request, f"Revoked “{token.name}”: it no longer opens anything.")
    return redirect("account:index")
