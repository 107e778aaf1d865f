"""Where the wizard keeps its state: nowhere beyond the request.

Every section is saved to the database when the manager presses Continue, and the URL
names the section being shown or saved, so nothing needs to outlive the request. Keeping
formtools' bookkeeping out of the session spares a session write on every wizard page.
"""

from formtools.wizard.storage.base import BaseStorage


class RequestStorage(BaseStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.init_data()
