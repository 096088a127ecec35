from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from aeo.demo.mail import sent_mail


@login_required
def sent_mail_page(request: HttpRequest) -> HttpResponse:
    """Demo only: the e-mails the platform sent (notifications), as a demo user would get them."""
    if not settings.DEMO_MAILBOX:
        raise Http404
    return render(request, "demo/sent_mail.html", {"mails": sent_mail(settings.DEMO_MAILBOX)})
