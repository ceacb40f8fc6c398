-- fact_labels from the parts of each fact (qc_label_parts, checks/sql/fact_label_parts.sql) and the words
-- checks/fact_labels.py computed once for each distinct value with checks/labels.py: what is measured
-- (the phrase of each kind, qc_label_kinds, for facts whose claims name nothing measured), the place, the
-- incident and the scope as the label shows them (NULL: left out), the period (qc_label_when) and the
-- display unit of each distinct list of units (qc_label_units). The label is checks/labels.py fact_label:
-- the parts shown, joined by " · ".
INSERT INTO fact_labels BY NAME
SELECT p.fact_id,
    concat_ws(' · ', coalesce(p.named, k.phrase), pl.shown, i.shown, s.shown, w.shown) AS fact_label,
    u.display_unit, u.display_factor, u.display_offset,
    coalesce(p.named, k.phrase) AS measured,
    p.place
FROM (SELECT *, CASE WHEN measured IS NULL OR measured = '' THEN NULL ELSE measured END AS named
      FROM qc_label_parts) AS p
LEFT JOIN qc_label_kinds AS k ON k.kind IS NOT DISTINCT FROM p.kind
LEFT JOIN qc_label_place AS pl ON pl.place = p.place
LEFT JOIN qc_label_incident AS i ON i.incident = p.incident
LEFT JOIN qc_label_scope AS s ON s.scope = p.scope
LEFT JOIN qc_label_when AS w
  ON w.first_day IS NOT DISTINCT FROM p.first_day AND w.last_day IS NOT DISTINCT FROM p.last_day
JOIN qc_label_units AS u ON u.base_unit IS NOT DISTINCT FROM p.base_unit AND u.units = p.units
ORDER BY p.fact_id;
