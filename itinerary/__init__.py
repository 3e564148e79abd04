"""itinerary: plan study visits and delegations from one plain-text programme file."""

__version__ = "0.1.0"
