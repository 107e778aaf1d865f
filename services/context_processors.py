from services.access import agencies_for


def user_agencies(request):
    """The signed-in user's agencies for the page header.

    Lazy: the query runs only if a template reads it, once per request.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"header_agencies": []}
    return {"header_agencies": agencies_for(user).only("name", "slug")}
