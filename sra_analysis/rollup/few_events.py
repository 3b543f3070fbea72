"""What a roll-up of too few events cannot answer: a typed result instead of a model.

Comparing events needs at least two of them: a rate ratio with standard errors clustered by
event has no between-event variation to estimate from one cluster, the between-event
heterogeneity has nothing to vary, and a funnel places each event against the others. The
parts that need two events or more return :class:`NotEnoughEvents` instead of failing, and
the roll-up page says which parts these are.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MIN_EVENTS", "NotEnoughEvents", "not_enough"]

#: Fewest events a comparison across events needs.
MIN_EVENTS = 2


@dataclass(frozen=True)
class NotEnoughEvents:
    """A part of the roll-up that was not computed: it needs ``needed`` events or more and
    found ``found``.

    Attributes
    ----------
    part : str
        The part: ``"level_rate_ratio"`` (with its heterogeneity) or ``"funnel"``.
    found : int
    needed : int

    Examples
    --------
    >>> NotEnoughEvents("funnel", found=1).to_dict()
    {'status': 'not_enough_events', 'part': 'funnel', 'found': 1, 'needed': 2}
    """

    part: str
    found: int
    needed: int = MIN_EVENTS

    def to_dict(self) -> dict:
        """``rollup.json``'s entry for the part."""
        return {"status": "not_enough_events", "part": self.part, "found": self.found,
                "needed": self.needed}  # fmt: skip


def not_enough(value) -> bool:
    """Whether ``value`` (a result or its ``rollup.json`` entry) says too few events.

    Examples
    --------
    >>> not_enough(NotEnoughEvents("funnel", 1)), not_enough({"status": "not_enough_events"})
    (True, True)
    >>> not_enough({"rate_ratio": 2.0})
    False
    """
    if isinstance(value, NotEnoughEvents):
        return True
    return isinstance(value, dict) and value.get("status") == "not_enough_events"
