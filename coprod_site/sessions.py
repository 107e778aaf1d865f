"""Sessions that end after a working day without a request, for little more than the cost
of Django's database sessions.

Django moves a session's expiry on only when the session is saved, and
SESSION_SAVE_EVERY_REQUEST would add an UPDATE to every page. This store saves a session
again only when it is read more than SESSION_REFRESH_AFTER seconds after it was last
saved, so a session ends between SESSION_COOKIE_AGE less SESSION_REFRESH_AFTER and
SESSION_COOKIE_AGE after the last request, at the cost of one UPDATE every few minutes of
use. The time it was last saved is read from the row's expiry, which the SELECT that
loads it already returns.

Use it with `SESSION_ENGINE = "coprod_site.sessions"`.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.backends import db
from django.utils import timezone


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        session = super()._get_session_from_db()
        self._refresh_if_stale(session)
        return session

    async def _aget_session_from_db(self):
        session = await super()._aget_session_from_db()
        self._refresh_if_stale(session)
        return session

    def _refresh_if_stale(self, session) -> None:
        """Mark the session to be saved (and its cookie set again) if it was last saved
        long enough ago; SessionMiddleware saves it with a new expiry."""
        if session is None:
            return
        left = session.expire_date - timezone.now()
        if left < timedelta(seconds=settings.SESSION_COOKIE_AGE - settings.SESSION_REFRESH_AFTER):
            self.modified = True
