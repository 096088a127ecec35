"""Refuse an oversized upload before Django streams it to a temporary file.

Django limits form fields (`DATA_UPLOAD_MAX_MEMORY_SIZE`) but not files; without this handler
a multi-gigabyte POST would be written to disk before any view could refuse it.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler


class RequestSizeLimitHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length > settings.MAX_REQUEST_BYTES:
            raise RequestDataTooBig("Request body too large.")

    def receive_data_chunk(self, raw_data, start):
        return raw_data  # the next handler stores it

    def file_complete(self, file_size):
        return None
