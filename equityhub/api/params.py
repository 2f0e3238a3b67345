"""What every app's endpoints say the same way about their parameters."""

# The largest id a database hands out, so an absurd id is a 422, not a database error.
MAX_ID = 2**63 - 1
CAMPAIGN_HELP = "A campaign's slug; the current campaign when left out."
REPEAT_HELP = "Repeat to allow several."
