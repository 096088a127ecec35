from aeo.settings import *  # noqa: F403 - the platform's settings, one URL more

ROOT_URLCONF = "bare_site.urls"
PUBLIC_READ_PATHS = (*PUBLIC_READ_PATHS, "/bare")  # noqa: F405
