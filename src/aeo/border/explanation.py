"""The recorded reason of a lane, in sentences for the officer and the trader."""

from typing import Any

from django.utils.translation import gettext as _

from aeo.border import aeo_benefits
from aeo.border.constants import Lane


def _lane(code: str | None) -> str:
    return str(Lane(code).label) if code in Lane.values else "—"


def _pct(value: float) -> str:
    return f"{value * 100:.2f} %"


def sentences(reason: dict[str, Any]) -> list[str]:
    """What decided the lane, then each step's part: criteria, the random draw, the top-up,
    the benefit applied."""
    if not reason:
        return [_("No lane has been assigned yet.")]
    said = []
    decided = reason.get("decided_by")
    if decided == "officer":
        said.append(
            _("An officer re-routed the goods from %(from)s: %(reason)s")
            % {
                "from": _lane(reason.get("rerouted", {}).get("from")),
                "reason": reason.get("officer_reason", ""),
            }
        )
    for hit in reason.get("criteria", []):
        effect = _lane(hit["lane"]) if hit["lane"] else _("score %d") % hit["score"]
        said.append(
            _("Criterion %(code)s (%(description)s) applies: %(effect)s.")
            % {"code": hit["code"], "description": hit["description"], "effect": effect}
        )
    if reason.get("criteria") and reason.get("score"):
        said.append(
            _("Score %(score)d against %(paper)d for paper review and %(exam)d for examination.")
            % {"score": reason["score"], **reason["thresholds"]}
        )
    draw = reason.get("random", {})
    if draw:
        said.append(
            (
                _("Selected at random for examination: draw %(draw)s under the rate %(rate)s.")
                if draw.get("hit")
                else _("Not selected at random: draw %(draw)s, rate %(rate)s.")
            )
            % {"draw": f"{draw['draw']:.4f}", "rate": _pct(draw["rate"])}
        )
    top = reason.get("top_up", {})
    if top and top.get("lane"):
        said.append(
            _("Topped up to %(lane)s towards the office's expected rates (draw %(draw)s).")
            % {"lane": _lane(top["lane"]), "draw": f"{top['draw']:.4f}"}
        )
    benefit = reason.get("benefit")
    if benefit:
        values = {
            "benefit": aeo_benefits.title(benefit),
            "id": benefit.get("id"),
            "share": _pct(benefit["random_factor"]),
            "arrangement": benefit.get("arrangement", ""),
        }
        said.append(
            (
                _(
                    "Benefit applied to the partner's AEO under %(arrangement)s: %(benefit)s "
                    "(no. %(id)s): %(share)s of the selection rates."
                )
                if benefit.get("source") == "mra"
                else _(
                    "Benefit applied: %(benefit)s (no. %(id)s): %(share)s of the selection rates."
                )
            )
            % values
        )
    if decided == "none":
        said.append(_("No criterion, draw or top-up applied: %(lane)s.") % {"lane": _lane("free")})
    said.append(_("Selection seed: %(seed)s.") % {"seed": reason.get("seed")})
    return said
