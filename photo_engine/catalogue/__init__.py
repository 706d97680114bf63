"""The words of the photo engine and its page in Kazakh, Russian and English, as data.

``checks`` holds every sentence a check can say, ``notes`` what reading and making a photo note and every
error of a file, ``page`` the photo page's own texts. Each entry is a message id mapped to one template per
language; templates name their parameters (``{angle}``, ``{limit}``) and every language uses the same names.
"""
