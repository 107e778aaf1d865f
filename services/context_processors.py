from django.utils.functional import SimpleLazyObject

from services import access


def user_agencies(request):
    """The signed-in user's agencies for the page header.

    Lazy: read only if a template shows them, and then from the agencies this request has
    read already (`services.access.user_agencies`), or in their one query.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"header_agencies": []}
    # A kept page (coprod_site.changes.render_kept) leaves the ones it was made with here.
    if (agencies := getattr(request, "header_agencies", None)) is not None:
        return {"header_agencies": agencies}
    return {"header_agencies": SimpleLazyObject(lambda: header_agencies(user))}


def header_agencies(user, agencies=None) -> list[dict]:
    """The user's agencies as the page header names them, for a page kept in the cache
    (`coprod_site.changes`): plain values, from the agencies this request has read
    (`services.access.user_agencies`) unless the page has read the user's `agencies`."""
    if agencies is None:
        agencies = access.user_agencies(user)
    return [{"name": agency.name, "slug": agency.slug} for agency in agencies]
