-- shared stage claim_codes: each code on a claim line (the procedure and every diagnosis) with the line's date, status, provider and modifiers
CREATE TEMPORARY VIEW "claim_codes" AS
SELECT
  "c"."member_id",
  "c"."claim_id",
  "c"."line_number",
  "c"."claim_status",
  "c"."place_of_service",
  "c"."provider_type",
  "c"."provider_npi",
  "c"."modifiers",
  "c"."service_from" AS "service_date",
  "c"."procedure_code" AS "code",
  "c"."procedure_code_system" AS "code_system",
  'procedure' AS "code_role"
FROM "claims" AS "c"
WHERE
  NOT "c"."procedure_code" IS NULL
UNION ALL
SELECT
  "d"."member_id",
  "d"."claim_id",
  "d"."line_number",
  "d"."claim_status",
  "d"."place_of_service",
  "d"."provider_type",
  "d"."provider_npi",
  "d"."modifiers",
  "d"."service_date",
  "d"."code",
  'ICD10CM' AS "code_system",
  'diagnosis' AS "code_role"
FROM (
  SELECT
    "c"."member_id",
    "c"."claim_id",
    "c"."line_number",
    "c"."claim_status",
    "c"."place_of_service",
    "c"."provider_type",
    "c"."provider_npi",
    "c"."modifiers",
    "c"."service_from" AS "service_date",
    UNNEST(STR_SPLIT("c"."diagnosis_codes", '|')) AS "code"
  FROM "claims" AS "c"
) AS "d"
WHERE
  "d"."code" <> '';

-- shared stage claim_value_sets: each claim code's line with every value set the code belongs to on its date of service
CREATE TEMPORARY VIEW "claim_value_sets" AS
SELECT
  "e"."member_id",
  "e"."service_date",
  "e"."claim_status",
  "e"."code_role",
  "e"."provider_type",
  "e"."place_of_service",
  "e"."modifiers",
  "v"."value_set"
FROM "claim_codes" AS "e"
JOIN "value_set_codes" AS "v"
  ON "v"."code" = "e"."code"
  AND "v"."code_system" = "e"."code_system"
  AND (
    (
      "v"."effective_from" IS NULL OR "e"."service_date" >= "v"."effective_from"
    )
    AND (
      "v"."effective_to" IS NULL OR "e"."service_date" <= "v"."effective_to"
    )
  )
  AND "v"."value_set" IN ('hospice', 'lead_test');

-- shared stage claim_stay_codes: each code on a claim line of more than one day, with its first and last day
CREATE TEMPORARY VIEW "claim_stay_codes" AS
SELECT
  "c"."member_id",
  "c"."claim_id",
  "c"."line_number",
  "c"."claim_status",
  "c"."place_of_service",
  "c"."provider_type",
  "c"."provider_npi",
  "c"."modifiers",
  "c"."service_from" AS "service_date",
  "c"."service_to" AS "last_service_date",
  "c"."procedure_code" AS "code",
  "c"."procedure_code_system" AS "code_system",
  'procedure' AS "code_role"
FROM "claims" AS "c"
WHERE
  "c"."service_to" > "c"."service_from" AND NOT "c"."procedure_code" IS NULL
UNION ALL
SELECT
  "d"."member_id",
  "d"."claim_id",
  "d"."line_number",
  "d"."claim_status",
  "d"."place_of_service",
  "d"."provider_type",
  "d"."provider_npi",
  "d"."modifiers",
  "d"."service_date",
  "d"."last_service_date",
  "d"."code",
  'ICD10CM' AS "code_system",
  'diagnosis' AS "code_role"
FROM (
  SELECT
    "c"."member_id",
    "c"."claim_id",
    "c"."line_number",
    "c"."claim_status",
    "c"."place_of_service",
    "c"."provider_type",
    "c"."provider_npi",
    "c"."modifiers",
    "c"."service_from" AS "service_date",
    "c"."service_to" AS "last_service_date",
    UNNEST(STR_SPLIT("c"."diagnosis_codes", '|')) AS "code"
  FROM "claims" AS "c"
  WHERE
    "c"."service_to" > "c"."service_from"
) AS "d"
WHERE
  "d"."code" <> '';

-- shared stage claim_stay_value_sets: each code of a claim line of more than one day, with its last day and every value set it belongs to on its first
CREATE TEMPORARY VIEW "claim_stay_value_sets" AS
SELECT
  "e"."member_id",
  "e"."service_date",
  "e"."claim_status",
  "e"."code_role",
  "e"."provider_type",
  "e"."place_of_service",
  "e"."modifiers",
  "e"."last_service_date",
  "v"."value_set"
FROM "claim_stay_codes" AS "e"
JOIN "value_set_codes" AS "v"
  ON "v"."code" = "e"."code"
  AND "v"."code_system" = "e"."code_system"
  AND (
    (
      "v"."effective_from" IS NULL OR "e"."service_date" >= "v"."effective_from"
    )
    AND (
      "v"."effective_to" IS NULL OR "e"."service_date" <= "v"."effective_to"
    )
  )
  AND "v"."value_set" IN ('hospice');

-- shared stage lab_results_codes: each code (LOINC) on a record of lab_results with its date and status
CREATE TEMPORARY VIEW "lab_results_codes" AS
SELECT
  "r"."member_id",
  "r"."collection_date" AS "service_date",
  "r"."status",
  "r"."loinc_code" AS "code",
  'LOINC' AS "code_system",
  (
    NOT "r"."value_number" IS NULL OR NOT "r"."value_code" IS NULL
  ) AS "has_value"
FROM "lab_results" AS "r"
WHERE
  NOT "r"."loinc_code" IS NULL;

-- shared stage lab_results_value_sets: each code on a record of lab_results whose status counts, with every value set it belongs to on the record's date
CREATE TEMPORARY VIEW "lab_results_value_sets" AS
SELECT
  "e"."member_id",
  "e"."service_date",
  "e"."has_value",
  "v"."value_set"
FROM "lab_results_codes" AS "e"
JOIN "value_set_codes" AS "v"
  ON "v"."code" = "e"."code"
  AND "v"."code_system" = "e"."code_system"
  AND (
    (
      "v"."effective_from" IS NULL OR "e"."service_date" >= "v"."effective_from"
    )
    AND (
      "v"."effective_to" IS NULL OR "e"."service_date" <= "v"."effective_to"
    )
  )
  AND "v"."value_set" IN ('lead_test')
WHERE
  "e"."status" IN ('final', 'amended', 'corrected');

-- lsc.by_age_2: Blood lead test by the second birthday
WITH "by_age_2_units_0" AS (
  SELECT
    "u"."member_id" AS "unit_id",
    "u"."member_id" AS "member_id",
    "u"."birth_date" AS "birth_date",
    CAST(NULL AS TEXT) AS "event_id",
    CAST(NULL AS DATE) AS "event_date"
  FROM "members" AS "u"
), "units" AS (
  SELECT
    "u".*,
    CAST("u"."birth_date" + INTERVAL 24 MONTH AS DATE) AS "anchor_date"
  FROM "by_age_2_units_0" AS "u"
), "by_age_2_in_scope" AS (
  SELECT
    "u".*
  FROM "units" AS "u"
  WHERE
    COALESCE(
      (
        CAST("u"."birth_date" + INTERVAL 24 MONTH AS DATE) BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
      ),
      FALSE
    )
), "by_age_2_criterion_1" AS (
  SELECT
    "unit_id",
    NULL AS "evidence_date"
  FROM (
    SELECT
      "unit_id",
      "window_end",
      "span_end",
      "covers_date",
      DATE_DIFF(
        'DAY',
        COALESCE(
          MAX("span_end") OVER (
            PARTITION BY "unit_id"
            ORDER BY "span_start" NULLS FIRST, "span_end" NULLS FIRST
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
          ),
          CAST("window_start" + INTERVAL (-1) DAY AS DATE)
        ),
        "span_start"
      ) - 1 AS "gap_before"
    FROM (
      SELECT
        "u"."unit_id" AS "unit_id",
        CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE) AS "window_start",
        "u"."anchor_date" AS "window_end",
        GREATEST("e"."start_date", CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE)) AS "span_start",
        LEAST("e"."end_date", "u"."anchor_date") AS "span_end",
        CASE
          WHEN "u"."anchor_date" BETWEEN "e"."start_date" AND "e"."end_date"
          THEN 1
          ELSE 0
        END AS "covers_date"
      FROM "by_age_2_in_scope" AS "u"
      JOIN "enrollment" AS "e"
        ON "e"."member_id" = "u"."member_id"
      WHERE
        "e"."start_date" <= "u"."anchor_date"
        AND "e"."end_date" >= CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE)
        AND "e"."benefit" = 'medical'
    ) AS "clipped"
  ) AS "gaps"
  GROUP BY
    "unit_id"
  HAVING
    SUM(CASE WHEN "gap_before" > 0 THEN 1 ELSE 0 END) + CASE WHEN DATE_DIFF('DAY', MAX("span_end"), MAX("window_end")) > 0 THEN 1 ELSE 0 END <= 1
    AND GREATEST(MAX("gap_before"), DATE_DIFF('DAY', MAX("span_end"), MAX("window_end"))) <= 45
    AND MAX("covers_date") = 1
), "by_age_2_criterion_2" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "by_age_2_in_scope" AS "u"
  JOIN (
    SELECT
      "service_date",
      "service_date" AS "last_service_date",
      "member_id",
      "claim_status",
      "code_role",
      "provider_type",
      "place_of_service",
      "modifiers",
      "value_set"
    FROM "claim_value_sets"
    UNION ALL
    SELECT
      "service_date",
      "last_service_date",
      "member_id",
      "claim_status",
      "code_role",
      "provider_type",
      "place_of_service",
      "modifiers",
      "value_set"
    FROM "claim_stay_value_sets"
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."value_set" IN ('hospice')
    AND (
      "e"."service_date" <= CAST('2025-12-31' AS DATE)
      AND (
        "e"."last_service_date" IS NULL
        OR "e"."last_service_date" >= CAST('2025-01-01' AS DATE)
      )
    )
    AND "e"."claim_status" IN ('paid', 'adjusted')
  GROUP BY
    "u"."unit_id"
), "by_age_2_criterion_3" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    "mb"."death_date" AS "evidence_date"
  FROM "by_age_2_in_scope" AS "u"
  JOIN "members" AS "mb"
    ON "mb"."member_id" = "u"."member_id"
  WHERE
    "mb"."death_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
), "by_age_2_criterion_4" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'lab_results' THEN 1 ELSE 0 END) AS "from_lab_results"
  FROM "by_age_2_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('lead_test')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'lab_results' AS "source"
    FROM "lab_results_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('lead_test')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "by_age_2_plan" AS (
  SELECT
    "unit_id",
    "plan_id",
    "program"
  FROM (
    SELECT
      "u"."unit_id" AS "unit_id",
      "e"."plan_id" AS "plan_id",
      "e"."program" AS "program",
      ROW_NUMBER() OVER (
        PARTITION BY "u"."unit_id"
        ORDER BY CASE
          WHEN "u"."anchor_date" BETWEEN "e"."start_date" AND "e"."end_date"
          THEN 0
          ELSE 1
        END, "e"."end_date" DESC, "e"."start_date" DESC, "e"."plan_id"
      ) AS "plan_rank"
    FROM "by_age_2_in_scope" AS "u"
    JOIN "enrollment" AS "e"
      ON "e"."member_id" = "u"."member_id"
      AND "e"."benefit" = 'medical'
      AND "e"."start_date" <= "u"."anchor_date"
  ) AS "ranked"
  WHERE
    "plan_rank" = 1
), "by_age_2_mother" AS (
  SELECT
    "child_member_id",
    "mother_member_id"
  FROM (
    SELECT
      "child_member_id",
      "mother_member_id",
      ROW_NUMBER() OVER (
        PARTITION BY "child_member_id"
        ORDER BY "link_confidence" DESC, "mother_member_id"
      ) AS "link_rank"
    FROM "dyads"
  ) AS "ranked"
  WHERE
    "link_rank" = 1
), "by_age_2_mothers" AS (
  SELECT DISTINCT
    "mother_member_id"
  FROM "dyads"
)
SELECT
  'lsc' AS "measure_id",
  'by_age_2' AS "rate_id",
  "f"."member_id",
  "f"."event_id",
  "f"."event_date",
  "f"."anchor_date",
  "f"."ip_met" AS "initial_population",
  "f"."ip_met" AND "f"."den_met" AS "denominator",
  (
    "f"."ip_met" AND "f"."den_met"
  ) AND "f"."denex_met" AS "denominator_exclusion",
  (
    "f"."ip_met" AND "f"."den_met"
  )
  AND NOT "f"."denex_met"
  AND NOT "f"."num_met"
  AND "f"."excep_met" AS "denominator_exception",
  (
    "f"."ip_met" AND "f"."den_met"
  ) AND NOT "f"."denex_met" AND "f"."num_met" AS "numerator",
  (
    (
      "f"."ip_met" AND "f"."den_met"
    ) AND NOT "f"."denex_met" AND "f"."num_met"
  )
  AND "f"."numex_met" AS "numerator_exclusion",
  CASE
    WHEN (
      "f"."ip_met" AND "f"."den_met"
    ) AND "f"."denex_met"
    THEN "f"."denominator_exclusion_reason"
    WHEN (
      "f"."ip_met" AND "f"."den_met"
    )
    AND NOT "f"."denex_met"
    AND NOT "f"."num_met"
    AND "f"."excep_met"
    THEN "f"."denominator_exception_reason"
    WHEN (
      (
        "f"."ip_met" AND "f"."den_met"
      ) AND NOT "f"."denex_met" AND "f"."num_met"
    )
    AND "f"."numex_met"
    THEN "f"."numerator_exclusion_reason"
  END AS "exclusion_reason",
  CASE
    WHEN NOT (
      "f"."ip_met" AND "f"."den_met"
    )
    THEN "f"."denominator_failed"
    WHEN (
      "f"."ip_met" AND "f"."den_met"
    ) AND "f"."denex_met"
    THEN NULL
    WHEN (
      "f"."ip_met" AND "f"."den_met"
    )
    AND NOT "f"."denex_met"
    AND NOT "f"."num_met"
    AND "f"."excep_met"
    THEN NULL
    WHEN NOT (
      (
        "f"."ip_met" AND "f"."den_met"
      ) AND NOT "f"."denex_met" AND "f"."num_met"
    )
    THEN "f"."numerator_failed"
  END AS "not_met_reason",
  CASE
    WHEN (
      "f"."ip_met" AND "f"."den_met"
    ) AND NOT "f"."denex_met" AND "f"."num_met"
    THEN "f"."numerator_evidence"
  END AS "evidence_date",
  CASE
    WHEN (
      "f"."ip_met" AND "f"."den_met"
    ) AND NOT "f"."denex_met" AND "f"."num_met"
    THEN "f"."numerator_sources"
  END AS "evidence_sources",
  CASE
    WHEN (
      "f"."ip_met" AND "f"."den_met"
    )
    AND NOT "f"."denex_met"
    AND (
      (
        NOT "f"."num_met" AND NOT "f"."excep_met"
      )
      OR (
        "f"."num_met" AND "f"."numex_met"
      )
    )
    THEN COALESCE("f"."numerator_gap", "f"."numerator_exclusion_reason")
  END AS "gap",
  CASE
    WHEN (
      "f"."ip_met" AND "f"."den_met"
    )
    AND NOT "f"."denex_met"
    AND (
      (
        NOT "f"."num_met" AND NOT "f"."excep_met"
      )
      OR (
        "f"."num_met" AND "f"."numex_met"
      )
    )
    THEN "f"."numerator_due"
  END AS "gap_due_date",
  COALESCE("pl"."plan_id", 'Unknown') AS "plan",
  COALESCE("pl"."program", 'Unknown') AS "program",
  YEAR("f"."anchor_date") - YEAR("f"."birth_date") - CASE
    WHEN CAST("f"."birth_date" + INTERVAL ((
      YEAR("f"."anchor_date") - YEAR("f"."birth_date")
    ) * 12) MONTH AS DATE) > "f"."anchor_date"
    THEN 1
    ELSE 0
  END AS "age_years",
  CAST(NULL AS TEXT) AS "age_band",
  CASE
    WHEN NOT "mo"."mother_member_id" IS NULL
    THEN 'Linked mother'
    WHEN NOT "lc"."mother_member_id" IS NULL
    THEN 'Linked child'
    ELSE 'No link'
  END AS "dyad_link",
  "f"."member_id" AS "strata_member_id"
FROM (
  SELECT
    "u"."unit_id",
    "u"."member_id",
    "u"."event_id",
    "u"."event_date",
    "u"."anchor_date",
    "u"."birth_date",
    COALESCE(
      (
        CAST("u"."birth_date" + INTERVAL 24 MONTH AS DATE) BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
      ),
      FALSE
    ) AS "ip_met",
    COALESCE((
      NOT "by_age_2_criterion_1"."unit_id" IS NULL
    ), FALSE) AS "den_met",
    COALESCE(
      (
        (
          (
            COALESCE("by_age_2_criterion_2"."found", 0) >= 1
          )
          OR (
            NOT "by_age_2_criterion_3"."unit_id" IS NULL
          )
        )
      ),
      FALSE
    ) AS "denex_met",
    FALSE AS "excep_met",
    COALESCE((
      COALESCE("by_age_2_criterion_4"."found", 0) >= 1
    ), FALSE) AS "num_met",
    FALSE AS "numex_met",
    'not in denominator: continuously enrolled in the 12 months before the second birthday' AS "denominator_failed",
    'numerator not met: a blood lead test on or before the second birthday' AS "numerator_failed",
    CASE
      WHEN COALESCE((
        COALESCE("by_age_2_criterion_2"."found", 0) >= 1
      ), FALSE)
      THEN 'hospice services in the measurement period'
      WHEN COALESCE((
        NOT "by_age_2_criterion_3"."unit_id" IS NULL
      ), FALSE)
      THEN 'died in the measurement period'
    END AS "denominator_exclusion_reason",
    CAST(NULL AS TEXT) AS "denominator_exception_reason",
    CAST(NULL AS TEXT) AS "numerator_exclusion_reason",
    CASE
      WHEN COALESCE("by_age_2_criterion_4"."found", 0) >= 1
      THEN "by_age_2_criterion_4"."evidence_date"
    END AS "numerator_evidence",
    NULLIF(
      CONCAT_WS(
        '; ',
        CASE
          WHEN COALESCE("by_age_2_criterion_4"."found", 0) >= 1
          THEN 'a blood lead test on or before the second birthday: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "by_age_2_criterion_4"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "by_age_2_criterion_4"."from_lab_results" = 1 THEN 'lab_results' END
          )
        END
      ),
      ''
    ) AS "numerator_sources",
    CASE
      WHEN NOT COALESCE((
        COALESCE("by_age_2_criterion_4"."found", 0) >= 1
      ), FALSE)
      THEN 'a blood lead test on or before the second birthday: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
    END AS "numerator_gap",
    CASE
      WHEN NOT COALESCE((
        COALESCE("by_age_2_criterion_4"."found", 0) >= 1
      ), FALSE)
      THEN "u"."anchor_date"
    END AS "numerator_due"
  FROM "units" AS "u"
  LEFT JOIN "by_age_2_criterion_1"
    ON "by_age_2_criterion_1"."unit_id" = "u"."unit_id"
  LEFT JOIN "by_age_2_criterion_2"
    ON "by_age_2_criterion_2"."unit_id" = "u"."unit_id"
  LEFT JOIN "by_age_2_criterion_3"
    ON "by_age_2_criterion_3"."unit_id" = "u"."unit_id"
  LEFT JOIN "by_age_2_criterion_4"
    ON "by_age_2_criterion_4"."unit_id" = "u"."unit_id"
) AS "f"
LEFT JOIN "by_age_2_plan" AS "pl"
  ON "pl"."unit_id" = "f"."unit_id"
LEFT JOIN "by_age_2_mother" AS "mo"
  ON "mo"."child_member_id" = "f"."member_id"
LEFT JOIN "by_age_2_mothers" AS "lc"
  ON "lc"."mother_member_id" = "f"."member_id"
WHERE
  "f"."ip_met";
