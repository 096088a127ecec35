"""Writes of the MRA app, one module per concern (arrangements, consent, partners, the outbox,
delivery and inbound batches)."""
