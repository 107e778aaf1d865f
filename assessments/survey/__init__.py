"""The co-producers' survey: a short anonymous questionnaire for one assessment.

A manager opens it and gets an unguessable link (`/s/<token>/`) and a page to print with
a QR code; the people who do the work answer on a phone without signing in; the results
show on the assessment beside the manager's own estimates once enough people have
answered that no one can be singled out.

- `questions`: what is asked, in plain words, and how answers map onto the assessment
  (the tasks and the title people see are the manager's own words, kept on the survey);
- `models`: the survey and its responses (nothing that identifies a person);
- `guard`: throttling by a hash of the address under a random hourly key held only in
  the cache;
- `results`: the aggregates, over complete batches of five answers, and the figures a
  revision can adopt;
- `progress`: the answers so far, in a signed cookie in the person's own browser only;
- `forms`, `views`: the pages, public and for managers.
"""
