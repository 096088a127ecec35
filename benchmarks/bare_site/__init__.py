"""The platform with one more URL, `/bare`: a Django view that answers a constant JSON object
through the same settings and middleware, as a public read (PUBLIC_READ_PATHS), as the status
lookup is. web_bench's load test serves it beside the status
lookup as the framework's floor (DJANGO_SETTINGS_MODULE=bare_site.settings)."""
