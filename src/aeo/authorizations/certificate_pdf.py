"""The certificate as a PDF, drawn with ReportLab (pure Python, no system libraries)."""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from aeo.authorizations.certificate import Certificate

# A CID font that PDF viewers supply: Latin and Japanese text without shipping a font file.
FONT = "HeiseiKakuGo-W5"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

_TITLE = ParagraphStyle("title", fontName=FONT, fontSize=20, leading=26, alignment=1)
_ISSUER = ParagraphStyle("issuer", fontName=FONT, fontSize=11, leading=15, alignment=1)
_BODY = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=16)
_NOTICE = ParagraphStyle("notice", parent=_BODY, textColor=colors.darkred, fontSize=14)


def render_pdf(certificate: Certificate, *, document_title: str) -> bytes:
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=document_title,
        author=certificate.issuer,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=30 * mm,
        bottomMargin=25 * mm,
    )
    rows = [
        [Paragraph(escape(label), _BODY), Paragraph(escape(value), _BODY)]
        for label, value in certificate.fields
    ]
    table = Table(rows, colWidths=[50 * mm, None])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    story = [
        Paragraph(escape(certificate.issuer), _ISSUER),
        Spacer(1, 8 * mm),
        Paragraph(escape(certificate.title), _TITLE),
        Spacer(1, 10 * mm),
    ]
    if certificate.notice:
        story += [Paragraph(escape(certificate.notice), _NOTICE), Spacer(1, 5 * mm)]
    story += [Paragraph(escape(certificate.statement), _BODY), Spacer(1, 8 * mm), table]
    doc.build(story)
    return buffer.getvalue()
