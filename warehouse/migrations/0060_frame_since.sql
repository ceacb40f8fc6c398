-- A running total's start ("since April", "in the past two weeks", "depuis 2011"): two running totals over
-- different periods are two facts (checks/frames.py reads it, checks/identity.py compares it).
ALTER TABLE claim_frames ADD COLUMN since DATE;
