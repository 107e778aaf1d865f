from django import forms

from services.models import AccessToken, Lifetime
from services.models.tokens import ACTIVE_TOKENS_MAX, TOKEN_NAME_MAX


class AccessTokenForm(forms.Form):
    name = forms.CharField(
        max_length=TOKEN_NAME_MAX,
        help_text="What will use it, so you can tell your tokens apart: for example "
        "“Nightly report script” or “Finance team's spreadsheet”.",
        error_messages={
            "required": "Give the token a name, so you can tell it apart from others.",
            "max_length": f"Keep the name to {TOKEN_NAME_MAX} characters or fewer.",
        },
    )
    lifetime = forms.TypedChoiceField(
        label="Expires after",
        choices=Lifetime.choices,
        coerce=int,
        initial=Lifetime.QUARTER,
        widget=forms.RadioSelect,
        help_text="A token stops working then; make a new one when it does. A year at most.",
        error_messages={"invalid_choice": "Choose one of the options in the list."},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        in_use = AccessToken.objects.usable().filter(user=self.user).count()
        if in_use >= ACTIVE_TOKENS_MAX:
            raise forms.ValidationError(
                f"You have {in_use} tokens in use, the most anyone may have. Revoke one you "
                "no longer need, then make the new one."
            )
        return super().clean()
