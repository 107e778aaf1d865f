from services.access import agencies_for


def user_agencies(request):
    """The signed-in user's agencies for the page header.

    Lazy: the query runs only if a template reads it, once per request.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"header_agencies": []}
    # A kept page (coprod_site.changes.render_kept) leaves the ones it was made with here.
    if (agencies := getattr(request, "header_agencies", None)) is not None:
        return {"header_agencies": agencies}
    return {"header_agencies": agencies_for(user).only("name", "slug")}


def header_agencies(user, agencies=None) -> list[dict]:
    """The user's agencies as the page header names them, for a page kept in the cache
    (`coprod_site.changes`): plain values, read when the page is worked out, unless the
    page has read the user's `agencies` already."""
    if agencies is None:
        agencies = agencies_for(user).only("name", "slug")
    return [{"name": agency.name, "slug": agency.slug} for agency in agencies]
