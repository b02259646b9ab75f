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
  AND "v"."value_set" IN ('hospice', 'sdoh_assessment_billing', 'sdoh_intervention');

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

-- sdoh_screening.all_domains: Screened for food, housing and transportation needs
WITH "all_domains_units_0" AS (
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
    CAST('2025-12-31' AS DATE) AS "anchor_date"
  FROM "all_domains_units_0" AS "u"
), "all_domains_in_scope" AS (
  SELECT
    "u".*
  FROM "units" AS "u"
  WHERE
    COALESCE(
      (
        "u"."birth_date" <= CAST('2025-12-31' AS DATE)
        AND CAST("u"."birth_date" + INTERVAL 216 MONTH AS DATE) > CAST('2025-12-31' AS DATE)
      ),
      FALSE
    )
), "all_domains_criterion_1" AS (
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
        CAST('2025-01-01' AS DATE) AS "window_start",
        CAST('2025-12-31' AS DATE) AS "window_end",
        GREATEST("e"."start_date", CAST('2025-01-01' AS DATE)) AS "span_start",
        LEAST("e"."end_date", CAST('2025-12-31' AS DATE)) AS "span_end",
        CASE
          WHEN CAST('2025-12-31' AS DATE) BETWEEN "e"."start_date" AND "e"."end_date"
          THEN 1
          ELSE 0
        END AS "covers_date"
      FROM "all_domains_in_scope" AS "u"
      JOIN "enrollment" AS "e"
        ON "e"."member_id" = "u"."member_id"
      WHERE
        "e"."start_date" <= CAST('2025-12-31' AS DATE)
        AND "e"."end_date" >= CAST('2025-01-01' AS DATE)
        AND "e"."benefit" = 'medical'
    ) AS "clipped"
  ) AS "gaps"
  GROUP BY
    "unit_id"
  HAVING
    SUM(CASE WHEN "gap_before" > 0 THEN 1 ELSE 0 END) + CASE WHEN DATE_DIFF('DAY', MAX("span_end"), MAX("window_end")) > 0 THEN 1 ELSE 0 END <= 1
    AND GREATEST(MAX("gap_before"), DATE_DIFF('DAY', MAX("span_end"), MAX("window_end"))) <= 45
    AND MAX("covers_date") = 1
), "all_domains_criterion_2" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "all_domains_in_scope" AS "u"
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
), "all_domains_criterion_3" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    "mb"."death_date" AS "evidence_date"
  FROM "all_domains_in_scope" AS "u"
  JOIN "members" AS "mb"
    ON "mb"."member_id" = "u"."member_id"
  WHERE
    "mb"."death_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
), "all_domains_criterion_4" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "all_domains_in_scope" AS "u"
  JOIN "claim_value_sets" AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."value_set" IN ('sdoh_assessment_billing')
    AND "e"."service_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
    AND "e"."claim_status" IN ('paid', 'adjusted')
    AND "e"."code_role" = 'procedure'
  GROUP BY
    "u"."unit_id"
), "all_domains_criterion_5" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."screening_date") AS "evidence_date",
    1 AS "found"
  FROM "all_domains_in_scope" AS "u"
  JOIN "screenings" AS "e"
    ON "e"."member_id" = "u"."member_id"
  JOIN "value_set_codes" AS "vi"
    ON "vi"."code" = "e"."instrument"
    AND "vi"."code_system" = 'LOINC'
    AND "vi"."value_set" IN ('sdoh_screening_instruments')
    AND (
      (
        "vi"."effective_from" IS NULL OR "e"."screening_date" >= "vi"."effective_from"
      )
      AND (
        "vi"."effective_to" IS NULL OR "e"."screening_date" <= "vi"."effective_to"
      )
    )
  JOIN "value_set_codes" AS "vq"
    ON "vq"."code" = "e"."item"
    AND "vq"."code_system" = 'LOINC'
    AND "vq"."value_set" IN ('sdoh_food_items')
    AND (
      (
        "vq"."effective_from" IS NULL OR "e"."screening_date" >= "vq"."effective_from"
      )
      AND (
        "vq"."effective_to" IS NULL OR "e"."screening_date" <= "vq"."effective_to"
      )
    )
  LEFT JOIN "value_set_codes" AS "vn"
    ON "vn"."code" = "e"."item"
    AND "vn"."code_system" = 'LOINC'
    AND "vn"."value_set" IN ('sdoh_null_answer_items')
    AND (
      (
        "vn"."effective_from" IS NULL OR "e"."screening_date" >= "vn"."effective_from"
      )
      AND (
        "vn"."effective_to" IS NULL OR "e"."screening_date" <= "vn"."effective_to"
      )
    )
  WHERE
    "e"."screening_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
    AND (
      NOT "e"."answer_code" IS NULL
      OR NOT "e"."score" IS NULL
      OR NOT "vn"."code" IS NULL
    )
  GROUP BY
    "u"."unit_id"
), "all_domains_criterion_6" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."screening_date") AS "evidence_date",
    1 AS "found"
  FROM "all_domains_in_scope" AS "u"
  JOIN "screenings" AS "e"
    ON "e"."member_id" = "u"."member_id"
  JOIN "value_set_codes" AS "vi"
    ON "vi"."code" = "e"."instrument"
    AND "vi"."code_system" = 'LOINC'
    AND "vi"."value_set" IN ('sdoh_screening_instruments')
    AND (
      (
        "vi"."effective_from" IS NULL OR "e"."screening_date" >= "vi"."effective_from"
      )
      AND (
        "vi"."effective_to" IS NULL OR "e"."screening_date" <= "vi"."effective_to"
      )
    )
  JOIN "value_set_codes" AS "vq"
    ON "vq"."code" = "e"."item"
    AND "vq"."code_system" = 'LOINC'
    AND "vq"."value_set" IN ('sdoh_housing_items')
    AND (
      (
        "vq"."effective_from" IS NULL OR "e"."screening_date" >= "vq"."effective_from"
      )
      AND (
        "vq"."effective_to" IS NULL OR "e"."screening_date" <= "vq"."effective_to"
      )
    )
  LEFT JOIN "value_set_codes" AS "vn"
    ON "vn"."code" = "e"."item"
    AND "vn"."code_system" = 'LOINC'
    AND "vn"."value_set" IN ('sdoh_null_answer_items')
    AND (
      (
        "vn"."effective_from" IS NULL OR "e"."screening_date" >= "vn"."effective_from"
      )
      AND (
        "vn"."effective_to" IS NULL OR "e"."screening_date" <= "vn"."effective_to"
      )
    )
  WHERE
    "e"."screening_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
    AND (
      NOT "e"."answer_code" IS NULL
      OR NOT "e"."score" IS NULL
      OR NOT "vn"."code" IS NULL
    )
  GROUP BY
    "u"."unit_id"
), "all_domains_criterion_7" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."screening_date") AS "evidence_date",
    1 AS "found"
  FROM "all_domains_in_scope" AS "u"
  JOIN "screenings" AS "e"
    ON "e"."member_id" = "u"."member_id"
  JOIN "value_set_codes" AS "vi"
    ON "vi"."code" = "e"."instrument"
    AND "vi"."code_system" = 'LOINC'
    AND "vi"."value_set" IN ('sdoh_screening_instruments')
    AND (
      (
        "vi"."effective_from" IS NULL OR "e"."screening_date" >= "vi"."effective_from"
      )
      AND (
        "vi"."effective_to" IS NULL OR "e"."screening_date" <= "vi"."effective_to"
      )
    )
  JOIN "value_set_codes" AS "vq"
    ON "vq"."code" = "e"."item"
    AND "vq"."code_system" = 'LOINC'
    AND "vq"."value_set" IN ('sdoh_transportation_items')
    AND (
      (
        "vq"."effective_from" IS NULL OR "e"."screening_date" >= "vq"."effective_from"
      )
      AND (
        "vq"."effective_to" IS NULL OR "e"."screening_date" <= "vq"."effective_to"
      )
    )
  LEFT JOIN "value_set_codes" AS "vn"
    ON "vn"."code" = "e"."item"
    AND "vn"."code_system" = 'LOINC'
    AND "vn"."value_set" IN ('sdoh_null_answer_items')
    AND (
      (
        "vn"."effective_from" IS NULL OR "e"."screening_date" >= "vn"."effective_from"
      )
      AND (
        "vn"."effective_to" IS NULL OR "e"."screening_date" <= "vn"."effective_to"
      )
    )
  WHERE
    "e"."screening_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
    AND (
      NOT "e"."answer_code" IS NULL
      OR NOT "e"."score" IS NULL
      OR NOT "vn"."code" IS NULL
    )
  GROUP BY
    "u"."unit_id"
), "all_domains_plan" AS (
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
    FROM "all_domains_in_scope" AS "u"
    JOIN "enrollment" AS "e"
      ON "e"."member_id" = "u"."member_id"
      AND "e"."benefit" = 'medical'
      AND "e"."start_date" <= "u"."anchor_date"
  ) AS "ranked"
  WHERE
    "plan_rank" = 1
), "all_domains_mother" AS (
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
), "all_domains_mothers" AS (
  SELECT DISTINCT
    "mother_member_id"
  FROM "dyads"
)
SELECT
  'sdoh_screening' AS "measure_id",
  'all_domains' AS "rate_id",
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
        "u"."birth_date" <= CAST('2025-12-31' AS DATE)
        AND CAST("u"."birth_date" + INTERVAL 216 MONTH AS DATE) > CAST('2025-12-31' AS DATE)
      ),
      FALSE
    ) AS "ip_met",
    COALESCE((
      NOT "all_domains_criterion_1"."unit_id" IS NULL
    ), FALSE) AS "den_met",
    COALESCE(
      (
        (
          (
            COALESCE("all_domains_criterion_2"."found", 0) >= 1
          )
          OR (
            NOT "all_domains_criterion_3"."unit_id" IS NULL
          )
        )
      ),
      FALSE
    ) AS "denex_met",
    FALSE AS "excep_met",
    COALESCE(
      (
        (
          (
            COALESCE("all_domains_criterion_4"."found", 0) >= 1
          )
          OR (
            (
              COALESCE("all_domains_criterion_5"."found", 0) >= 1
            )
            AND (
              COALESCE("all_domains_criterion_6"."found", 0) >= 1
            )
            AND (
              COALESCE("all_domains_criterion_7"."found", 0) >= 1
            )
          )
        )
      ),
      FALSE
    ) AS "num_met",
    FALSE AS "numex_met",
    'not in denominator: continuously enrolled in the measurement period' AS "denominator_failed",
    'numerator not met: any of: G0136 social needs assessment billed (2024-2025 dates of service); screened for food, housing and transportation with an approved instrument' AS "numerator_failed",
    CASE
      WHEN COALESCE((
        COALESCE("all_domains_criterion_2"."found", 0) >= 1
      ), FALSE)
      THEN 'hospice services in the measurement period'
      WHEN COALESCE((
        NOT "all_domains_criterion_3"."unit_id" IS NULL
      ), FALSE)
      THEN 'died in the measurement period'
    END AS "denominator_exclusion_reason",
    CAST(NULL AS TEXT) AS "denominator_exception_reason",
    CAST(NULL AS TEXT) AS "numerator_exclusion_reason",
    GREATEST(
      CASE
        WHEN COALESCE("all_domains_criterion_7"."found", 0) >= 1
        THEN "all_domains_criterion_7"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_domains_criterion_6"."found", 0) >= 1
        THEN "all_domains_criterion_6"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_domains_criterion_5"."found", 0) >= 1
        THEN "all_domains_criterion_5"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_domains_criterion_4"."found", 0) >= 1
        THEN "all_domains_criterion_4"."evidence_date"
      END
    ) AS "numerator_evidence",
    CAST(NULL AS TEXT) AS "numerator_sources",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("all_domains_criterion_4"."found", 0) >= 1
            )
            OR (
              (
                COALESCE("all_domains_criterion_5"."found", 0) >= 1
              )
              AND (
                COALESCE("all_domains_criterion_6"."found", 0) >= 1
              )
              AND (
                COALESCE("all_domains_criterion_7"."found", 0) >= 1
              )
            )
          )
        ),
        FALSE
      )
      THEN 'one of: ' || CONCAT_WS(
        ' or ',
        CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_domains_criterion_4"."found", 0) >= 1
            ), FALSE)
            THEN 'G0136 social needs assessment billed (2024-2025 dates of service): needs 1 by ' || COALESCE(CAST(CAST('2025-12-31' AS DATE) AS TEXT), 'an unknown date')
          END
        END,
        CASE
          WHEN TRUE AND TRUE AND TRUE
          THEN NULLIF(
            CONCAT_WS(
              '; ',
              CASE
                WHEN NOT COALESCE((
                  COALESCE("all_domains_criterion_5"."found", 0) >= 1
                ), FALSE)
                THEN 'food insecurity screened: needs 1 by ' || COALESCE(CAST(CAST('2025-12-31' AS DATE) AS TEXT), 'an unknown date')
              END,
              CASE
                WHEN NOT COALESCE((
                  COALESCE("all_domains_criterion_6"."found", 0) >= 1
                ), FALSE)
                THEN 'housing instability screened: needs 1 by ' || COALESCE(CAST(CAST('2025-12-31' AS DATE) AS TEXT), 'an unknown date')
              END,
              CASE
                WHEN NOT COALESCE((
                  COALESCE("all_domains_criterion_7"."found", 0) >= 1
                ), FALSE)
                THEN 'transportation need screened: needs 1 by ' || COALESCE(CAST(CAST('2025-12-31' AS DATE) AS TEXT), 'an unknown date')
              END
            ),
            ''
          )
        END
      )
    END AS "numerator_gap",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("all_domains_criterion_4"."found", 0) >= 1
            )
            OR (
              (
                COALESCE("all_domains_criterion_5"."found", 0) >= 1
              )
              AND (
                COALESCE("all_domains_criterion_6"."found", 0) >= 1
              )
              AND (
                COALESCE("all_domains_criterion_7"."found", 0) >= 1
              )
            )
          )
        ),
        FALSE
      )
      THEN GREATEST(
        CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_domains_criterion_4"."found", 0) >= 1
            ), FALSE)
            THEN CAST('2025-12-31' AS DATE)
          END
        END,
        CASE
          WHEN TRUE AND TRUE AND TRUE
          THEN LEAST(
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_domains_criterion_5"."found", 0) >= 1
              ), FALSE)
              THEN CAST('2025-12-31' AS DATE)
            END,
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_domains_criterion_6"."found", 0) >= 1
              ), FALSE)
              THEN CAST('2025-12-31' AS DATE)
            END,
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_domains_criterion_7"."found", 0) >= 1
              ), FALSE)
              THEN CAST('2025-12-31' AS DATE)
            END
          )
        END
      )
    END AS "numerator_due"
  FROM "units" AS "u"
  LEFT JOIN "all_domains_criterion_1"
    ON "all_domains_criterion_1"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_domains_criterion_2"
    ON "all_domains_criterion_2"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_domains_criterion_3"
    ON "all_domains_criterion_3"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_domains_criterion_4"
    ON "all_domains_criterion_4"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_domains_criterion_5"
    ON "all_domains_criterion_5"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_domains_criterion_6"
    ON "all_domains_criterion_6"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_domains_criterion_7"
    ON "all_domains_criterion_7"."unit_id" = "u"."unit_id"
) AS "f"
LEFT JOIN "all_domains_plan" AS "pl"
  ON "pl"."unit_id" = "f"."unit_id"
LEFT JOIN "all_domains_mother" AS "mo"
  ON "mo"."child_member_id" = "f"."member_id"
LEFT JOIN "all_domains_mothers" AS "lc"
  ON "lc"."mother_member_id" = "f"."member_id"
WHERE
  "f"."ip_met";

-- sdoh_screening.food: Screened for food insecurity
WITH "food_units_0" AS (
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
    CAST('2025-12-31' AS DATE) AS "anchor_date"
  FROM "food_units_0" AS "u"
), "food_in_scope" AS (
  SELECT
    "u".*
  FROM "units" AS "u"
  WHERE
    COALESCE(
      (
        "u"."birth_date" <= CAST('2025-12-31' AS DATE)
        AND CAST("u"."birth_date" + INTERVAL 216 MONTH AS DATE) > CAST('2025-12-31' AS DATE)
      ),
      FALSE
    )
), "food_criterion_1" AS (
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
        CAST('2025-01-01' AS DATE) AS "window_start",
        CAST('2025-12-31' AS DATE) AS "window_end",
        GREATEST("e"."start_date", CAST('2025-01-01' AS DATE)) AS "span_start",
        LEAST("e"."end_date", CAST('2025-12-31' AS DATE)) AS "span_end",
        CASE
          WHEN CAST('2025-12-31' AS DATE) BETWEEN "e"."start_date" AND "e"."end_date"
          THEN 1
          ELSE 0
        END AS "covers_date"
      FROM "food_in_scope" AS "u"
      JOIN "enrollment" AS "e"
        ON "e"."member_id" = "u"."member_id"
      WHERE
        "e"."start_date" <= CAST('2025-12-31' AS DATE)
        AND "e"."end_date" >= CAST('2025-01-01' AS DATE)
        AND "e"."benefit" = 'medical'
    ) AS "clipped"
  ) AS "gaps"
  GROUP BY
    "unit_id"
  HAVING
    SUM(CASE WHEN "gap_before" > 0 THEN 1 ELSE 0 END) + CASE WHEN DATE_DIFF('DAY', MAX("span_end"), MAX("window_end")) > 0 THEN 1 ELSE 0 END <= 1
    AND GREATEST(MAX("gap_before"), DATE_DIFF('DAY', MAX("span_end"), MAX("window_end"))) <= 45
    AND MAX("covers_date") = 1
), "food_criterion_2" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "food_in_scope" AS "u"
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
), "food_criterion_3" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    "mb"."death_date" AS "evidence_date"
  FROM "food_in_scope" AS "u"
  JOIN "members" AS "mb"
    ON "mb"."member_id" = "u"."member_id"
  WHERE
    "mb"."death_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
), "food_criterion_4" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "food_in_scope" AS "u"
  JOIN "claim_value_sets" AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."value_set" IN ('sdoh_assessment_billing')
    AND "e"."service_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
    AND "e"."claim_status" IN ('paid', 'adjusted')
    AND "e"."code_role" = 'procedure'
  GROUP BY
    "u"."unit_id"
), "food_criterion_5" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."screening_date") AS "evidence_date",
    1 AS "found"
  FROM "food_in_scope" AS "u"
  JOIN "screenings" AS "e"
    ON "e"."member_id" = "u"."member_id"
  JOIN "value_set_codes" AS "vi"
    ON "vi"."code" = "e"."instrument"
    AND "vi"."code_system" = 'LOINC'
    AND "vi"."value_set" IN ('sdoh_screening_instruments')
    AND (
      (
        "vi"."effective_from" IS NULL OR "e"."screening_date" >= "vi"."effective_from"
      )
      AND (
        "vi"."effective_to" IS NULL OR "e"."screening_date" <= "vi"."effective_to"
      )
    )
  JOIN "value_set_codes" AS "vq"
    ON "vq"."code" = "e"."item"
    AND "vq"."code_system" = 'LOINC'
    AND "vq"."value_set" IN ('sdoh_food_items')
    AND (
      (
        "vq"."effective_from" IS NULL OR "e"."screening_date" >= "vq"."effective_from"
      )
      AND (
        "vq"."effective_to" IS NULL OR "e"."screening_date" <= "vq"."effective_to"
      )
    )
  LEFT JOIN "value_set_codes" AS "vn"
    ON "vn"."code" = "e"."item"
    AND "vn"."code_system" = 'LOINC'
    AND "vn"."value_set" IN ('sdoh_null_answer_items')
    AND (
      (
        "vn"."effective_from" IS NULL OR "e"."screening_date" >= "vn"."effective_from"
      )
      AND (
        "vn"."effective_to" IS NULL OR "e"."screening_date" <= "vn"."effective_to"
      )
    )
  WHERE
    "e"."screening_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
    AND (
      NOT "e"."answer_code" IS NULL
      OR NOT "e"."score" IS NULL
      OR NOT "vn"."code" IS NULL
    )
  GROUP BY
    "u"."unit_id"
), "food_plan" AS (
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
    FROM "food_in_scope" AS "u"
    JOIN "enrollment" AS "e"
      ON "e"."member_id" = "u"."member_id"
      AND "e"."benefit" = 'medical'
      AND "e"."start_date" <= "u"."anchor_date"
  ) AS "ranked"
  WHERE
    "plan_rank" = 1
), "food_mother" AS (
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
), "food_mothers" AS (
  SELECT DISTINCT
    "mother_member_id"
  FROM "dyads"
)
SELECT
  'sdoh_screening' AS "measure_id",
  'food' AS "rate_id",
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
        "u"."birth_date" <= CAST('2025-12-31' AS DATE)
        AND CAST("u"."birth_date" + INTERVAL 216 MONTH AS DATE) > CAST('2025-12-31' AS DATE)
      ),
      FALSE
    ) AS "ip_met",
    COALESCE((
      NOT "food_criterion_1"."unit_id" IS NULL
    ), FALSE) AS "den_met",
    COALESCE(
      (
        (
          (
            COALESCE("food_criterion_2"."found", 0) >= 1
          )
          OR (
            NOT "food_criterion_3"."unit_id" IS NULL
          )
        )
      ),
      FALSE
    ) AS "denex_met",
    FALSE AS "excep_met",
    COALESCE(
      (
        (
          (
            COALESCE("food_criterion_4"."found", 0) >= 1
          )
          OR (
            COALESCE("food_criterion_5"."found", 0) >= 1
          )
        )
      ),
      FALSE
    ) AS "num_met",
    FALSE AS "numex_met",
    'not in denominator: continuously enrolled in the measurement period' AS "denominator_failed",
    'numerator not met: any of: G0136 social needs assessment billed (2024-2025 dates of service); food insecurity screened' AS "numerator_failed",
    CASE
      WHEN COALESCE((
        COALESCE("food_criterion_2"."found", 0) >= 1
      ), FALSE)
      THEN 'hospice services in the measurement period'
      WHEN COALESCE((
        NOT "food_criterion_3"."unit_id" IS NULL
      ), FALSE)
      THEN 'died in the measurement period'
    END AS "denominator_exclusion_reason",
    CAST(NULL AS TEXT) AS "denominator_exception_reason",
    CAST(NULL AS TEXT) AS "numerator_exclusion_reason",
    GREATEST(
      CASE
        WHEN COALESCE("food_criterion_5"."found", 0) >= 1
        THEN "food_criterion_5"."evidence_date"
      END,
      CASE
        WHEN COALESCE("food_criterion_4"."found", 0) >= 1
        THEN "food_criterion_4"."evidence_date"
      END
    ) AS "numerator_evidence",
    CAST(NULL AS TEXT) AS "numerator_sources",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("food_criterion_4"."found", 0) >= 1
            )
            OR (
              COALESCE("food_criterion_5"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'one of: ' || CONCAT_WS(
        ' or ',
        CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("food_criterion_4"."found", 0) >= 1
            ), FALSE)
            THEN 'G0136 social needs assessment billed (2024-2025 dates of service): needs 1 by ' || COALESCE(CAST(CAST('2025-12-31' AS DATE) AS TEXT), 'an unknown date')
          END
        END,
        CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("food_criterion_5"."found", 0) >= 1
            ), FALSE)
            THEN 'food insecurity screened: needs 1 by ' || COALESCE(CAST(CAST('2025-12-31' AS DATE) AS TEXT), 'an unknown date')
          END
        END
      )
    END AS "numerator_gap",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("food_criterion_4"."found", 0) >= 1
            )
            OR (
              COALESCE("food_criterion_5"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN GREATEST(
        CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("food_criterion_4"."found", 0) >= 1
            ), FALSE)
            THEN CAST('2025-12-31' AS DATE)
          END
        END,
        CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("food_criterion_5"."found", 0) >= 1
            ), FALSE)
            THEN CAST('2025-12-31' AS DATE)
          END
        END
      )
    END AS "numerator_due"
  FROM "units" AS "u"
  LEFT JOIN "food_criterion_1"
    ON "food_criterion_1"."unit_id" = "u"."unit_id"
  LEFT JOIN "food_criterion_2"
    ON "food_criterion_2"."unit_id" = "u"."unit_id"
  LEFT JOIN "food_criterion_3"
    ON "food_criterion_3"."unit_id" = "u"."unit_id"
  LEFT JOIN "food_criterion_4"
    ON "food_criterion_4"."unit_id" = "u"."unit_id"
  LEFT JOIN "food_criterion_5"
    ON "food_criterion_5"."unit_id" = "u"."unit_id"
) AS "f"
LEFT JOIN "food_plan" AS "pl"
  ON "pl"."unit_id" = "f"."unit_id"
LEFT JOIN "food_mother" AS "mo"
  ON "mo"."child_member_id" = "f"."member_id"
LEFT JOIN "food_mothers" AS "lc"
  ON "lc"."mother_member_id" = "f"."member_id"
WHERE
  "f"."ip_met";

-- sdoh_screening.housing: Screened for housing instability
WITH "housing_units_0" AS (
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
    CAST('2025-12-31' AS DATE) AS "anchor_date"
  FROM "housing_units_0" AS "u"
), "housing_in_scope" AS (
  SELECT
    "u".*
  FROM "units" AS "u"
  WHERE
    COALESCE(
      (
        "u"."birth_date" <= CAST('2025-12-31' AS DATE)
        AND CAST("u"."birth_date" + INTERVAL 216 MONTH AS DATE) > CAST('2025-12-31' AS DATE)
      ),
      FALSE
    )
), "housing_criterion_1" AS (
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
        CAST('2025-01-01' AS DATE) AS "window_start",
        CAST('2025-12-31' AS DATE) AS "window_end",
        GREATEST("e"."start_date", CAST('2025-01-01' AS DATE)) AS "span_start",
        LEAST("e"."end_date", CAST('2025-12-31' AS DATE)) AS "span_end",
        CASE
          WHEN CAST('2025-12-31' AS DATE) BETWEEN "e"."start_date" AND "e"."end_date"
          THEN 1
          ELSE 0
        END AS "covers_date"
      FROM "housing_in_scope" AS "u"
      JOIN "enrollment" AS "e"
        ON "e"."member_id" = "u"."member_id"
      WHERE
        "e"."start_date" <= CAST('2025-12-31' AS DATE)
        AND "e"."end_date" >= CAST('2025-01-01' AS DATE)
        AND "e"."benefit" = 'medical'
    ) AS "clipped"
  ) AS "gaps"
  GROUP BY
    "unit_id"
  HAVING
    SUM(CASE WHEN "gap_before" > 0 THEN 1 ELSE 0 END) + CASE WHEN DATE_DIFF('DAY', MAX("span_end"), MAX("window_end")) > 0 THEN 1 ELSE 0 END <= 1
    AND GREATEST(MAX("gap_before"), DATE_DIFF('DAY', MAX("span_end"), MAX("window_end"))) <= 45
    AND MAX("covers_date") = 1
), "housing_criterion_2" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "housing_in_scope" AS "u"
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
), "housing_criterion_3" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    "mb"."death_date" AS "evidence_date"
  FROM "housing_in_scope" AS "u"
  JOIN "members" AS "mb"
    ON "mb"."member_id" = "u"."member_id"
  WHERE
    "mb"."death_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
), "housing_criterion_4" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "housing_in_scope" AS "u"
  JOIN "claim_value_sets" AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."value_set" IN ('sdoh_assessment_billing')
    AND "e"."service_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
    AND "e"."claim_status" IN ('paid', 'adjusted')
    AND "e"."code_role" = 'procedure'
  GROUP BY
    "u"."unit_id"
), "housing_criterion_5" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."screening_date") AS "evidence_date",
    1 AS "found"
  FROM "housing_in_scope" AS "u"
  JOIN "screenings" AS "e"
    ON "e"."member_id" = "u"."member_id"
  JOIN "value_set_codes" AS "vi"
    ON "vi"."code" = "e"."instrument"
    AND "vi"."code_system" = 'LOINC'
    AND "vi"."value_set" IN ('sdoh_screening_instruments')
    AND (
      (
        "vi"."effective_from" IS NULL OR "e"."screening_date" >= "vi"."effective_from"
      )
      AND (
        "vi"."effective_to" IS NULL OR "e"."screening_date" <= "vi"."effective_to"
      )
    )
  JOIN "value_set_codes" AS "vq"
    ON "vq"."code" = "e"."item"
    AND "vq"."code_system" = 'LOINC'
    AND "vq"."value_set" IN ('sdoh_housing_items')
    AND (
      (
        "vq"."effective_from" IS NULL OR "e"."screening_date" >= "vq"."effective_from"
      )
      AND (
        "vq"."effective_to" IS NULL OR "e"."screening_date" <= "vq"."effective_to"
      )
    )
  LEFT JOIN "value_set_codes" AS "vn"
    ON "vn"."code" = "e"."item"
    AND "vn"."code_system" = 'LOINC'
    AND "vn"."value_set" IN ('sdoh_null_answer_items')
    AND (
      (
        "vn"."effective_from" IS NULL OR "e"."screening_date" >= "vn"."effective_from"
      )
      AND (
        "vn"."effective_to" IS NULL OR "e"."screening_date" <= "vn"."effective_to"
      )
    )
  WHERE
    "e"."screening_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
    AND (
      NOT "e"."answer_code" IS NULL
      OR NOT "e"."score" IS NULL
      OR NOT "vn"."code" IS NULL
    )
  GROUP BY
    "u"."unit_id"
), "housing_plan" AS (
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
    FROM "housing_in_scope" AS "u"
    JOIN "enrollment" AS "e"
      ON "e"."member_id" = "u"."member_id"
      AND "e"."benefit" = 'medical'
      AND "e"."start_date" <= "u"."anchor_date"
  ) AS "ranked"
  WHERE
    "plan_rank" = 1
), "housing_mother" AS (
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
), "housing_mothers" AS (
  SELECT DISTINCT
    "mother_member_id"
  FROM "dyads"
)
SELECT
  'sdoh_screening' AS "measure_id",
  'housing' AS "rate_id",
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
        "u"."birth_date" <= CAST('2025-12-31' AS DATE)
        AND CAST("u"."birth_date" + INTERVAL 216 MONTH AS DATE) > CAST('2025-12-31' AS DATE)
      ),
      FALSE
    ) AS "ip_met",
    COALESCE((
      NOT "housing_criterion_1"."unit_id" IS NULL
    ), FALSE) AS "den_met",
    COALESCE(
      (
        (
          (
            COALESCE("housing_criterion_2"."found", 0) >= 1
          )
          OR (
            NOT "housing_criterion_3"."unit_id" IS NULL
          )
        )
      ),
      FALSE
    ) AS "denex_met",
    FALSE AS "excep_met",
    COALESCE(
      (
        (
          (
            COALESCE("housing_criterion_4"."found", 0) >= 1
          )
          OR (
            COALESCE("housing_criterion_5"."found", 0) >= 1
          )
        )
      ),
      FALSE
    ) AS "num_met",
    FALSE AS "numex_met",
    'not in denominator: continuously enrolled in the measurement period' AS "denominator_failed",
    'numerator not met: any of: G0136 social needs assessment billed (2024-2025 dates of service); housing instability screened' AS "numerator_failed",
    CASE
      WHEN COALESCE((
        COALESCE("housing_criterion_2"."found", 0) >= 1
      ), FALSE)
      THEN 'hospice services in the measurement period'
      WHEN COALESCE((
        NOT "housing_criterion_3"."unit_id" IS NULL
      ), FALSE)
      THEN 'died in the measurement period'
    END AS "denominator_exclusion_reason",
    CAST(NULL AS TEXT) AS "denominator_exception_reason",
    CAST(NULL AS TEXT) AS "numerator_exclusion_reason",
    GREATEST(
      CASE
        WHEN COALESCE("housing_criterion_5"."found", 0) >= 1
        THEN "housing_criterion_5"."evidence_date"
      END,
      CASE
        WHEN COALESCE("housing_criterion_4"."found", 0) >= 1
        THEN "housing_criterion_4"."evidence_date"
      END
    ) AS "numerator_evidence",
    CAST(NULL AS TEXT) AS "numerator_sources",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("housing_criterion_4"."found", 0) >= 1
            )
            OR (
              COALESCE("housing_criterion_5"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'one of: ' || CONCAT_WS(
        ' or ',
        CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("housing_criterion_4"."found", 0) >= 1
            ), FALSE)
            THEN 'G0136 social needs assessment billed (2024-2025 dates of service): needs 1 by ' || COALESCE(CAST(CAST('2025-12-31' AS DATE) AS TEXT), 'an unknown date')
          END
        END,
        CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("housing_criterion_5"."found", 0) >= 1
            ), FALSE)
            THEN 'housing instability screened: needs 1 by ' || COALESCE(CAST(CAST('2025-12-31' AS DATE) AS TEXT), 'an unknown date')
          END
        END
      )
    END AS "numerator_gap",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("housing_criterion_4"."found", 0) >= 1
            )
            OR (
              COALESCE("housing_criterion_5"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN GREATEST(
        CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("housing_criterion_4"."found", 0) >= 1
            ), FALSE)
            THEN CAST('2025-12-31' AS DATE)
          END
        END,
        CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("housing_criterion_5"."found", 0) >= 1
            ), FALSE)
            THEN CAST('2025-12-31' AS DATE)
          END
        END
      )
    END AS "numerator_due"
  FROM "units" AS "u"
  LEFT JOIN "housing_criterion_1"
    ON "housing_criterion_1"."unit_id" = "u"."unit_id"
  LEFT JOIN "housing_criterion_2"
    ON "housing_criterion_2"."unit_id" = "u"."unit_id"
  LEFT JOIN "housing_criterion_3"
    ON "housing_criterion_3"."unit_id" = "u"."unit_id"
  LEFT JOIN "housing_criterion_4"
    ON "housing_criterion_4"."unit_id" = "u"."unit_id"
  LEFT JOIN "housing_criterion_5"
    ON "housing_criterion_5"."unit_id" = "u"."unit_id"
) AS "f"
LEFT JOIN "housing_plan" AS "pl"
  ON "pl"."unit_id" = "f"."unit_id"
LEFT JOIN "housing_mother" AS "mo"
  ON "mo"."child_member_id" = "f"."member_id"
LEFT JOIN "housing_mothers" AS "lc"
  ON "lc"."mother_member_id" = "f"."member_id"
WHERE
  "f"."ip_met";

-- sdoh_screening.transportation: Screened for transportation need
WITH "transportation_units_0" AS (
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
    CAST('2025-12-31' AS DATE) AS "anchor_date"
  FROM "transportation_units_0" AS "u"
), "transportation_in_scope" AS (
  SELECT
    "u".*
  FROM "units" AS "u"
  WHERE
    COALESCE(
      (
        "u"."birth_date" <= CAST('2025-12-31' AS DATE)
        AND CAST("u"."birth_date" + INTERVAL 216 MONTH AS DATE) > CAST('2025-12-31' AS DATE)
      ),
      FALSE
    )
), "transportation_criterion_1" AS (
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
        CAST('2025-01-01' AS DATE) AS "window_start",
        CAST('2025-12-31' AS DATE) AS "window_end",
        GREATEST("e"."start_date", CAST('2025-01-01' AS DATE)) AS "span_start",
        LEAST("e"."end_date", CAST('2025-12-31' AS DATE)) AS "span_end",
        CASE
          WHEN CAST('2025-12-31' AS DATE) BETWEEN "e"."start_date" AND "e"."end_date"
          THEN 1
          ELSE 0
        END AS "covers_date"
      FROM "transportation_in_scope" AS "u"
      JOIN "enrollment" AS "e"
        ON "e"."member_id" = "u"."member_id"
      WHERE
        "e"."start_date" <= CAST('2025-12-31' AS DATE)
        AND "e"."end_date" >= CAST('2025-01-01' AS DATE)
        AND "e"."benefit" = 'medical'
    ) AS "clipped"
  ) AS "gaps"
  GROUP BY
    "unit_id"
  HAVING
    SUM(CASE WHEN "gap_before" > 0 THEN 1 ELSE 0 END) + CASE WHEN DATE_DIFF('DAY', MAX("span_end"), MAX("window_end")) > 0 THEN 1 ELSE 0 END <= 1
    AND GREATEST(MAX("gap_before"), DATE_DIFF('DAY', MAX("span_end"), MAX("window_end"))) <= 45
    AND MAX("covers_date") = 1
), "transportation_criterion_2" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "transportation_in_scope" AS "u"
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
), "transportation_criterion_3" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    "mb"."death_date" AS "evidence_date"
  FROM "transportation_in_scope" AS "u"
  JOIN "members" AS "mb"
    ON "mb"."member_id" = "u"."member_id"
  WHERE
    "mb"."death_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
), "transportation_criterion_4" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "transportation_in_scope" AS "u"
  JOIN "claim_value_sets" AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."value_set" IN ('sdoh_assessment_billing')
    AND "e"."service_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
    AND "e"."claim_status" IN ('paid', 'adjusted')
    AND "e"."code_role" = 'procedure'
  GROUP BY
    "u"."unit_id"
), "transportation_criterion_5" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."screening_date") AS "evidence_date",
    1 AS "found"
  FROM "transportation_in_scope" AS "u"
  JOIN "screenings" AS "e"
    ON "e"."member_id" = "u"."member_id"
  JOIN "value_set_codes" AS "vi"
    ON "vi"."code" = "e"."instrument"
    AND "vi"."code_system" = 'LOINC'
    AND "vi"."value_set" IN ('sdoh_screening_instruments')
    AND (
      (
        "vi"."effective_from" IS NULL OR "e"."screening_date" >= "vi"."effective_from"
      )
      AND (
        "vi"."effective_to" IS NULL OR "e"."screening_date" <= "vi"."effective_to"
      )
    )
  JOIN "value_set_codes" AS "vq"
    ON "vq"."code" = "e"."item"
    AND "vq"."code_system" = 'LOINC'
    AND "vq"."value_set" IN ('sdoh_transportation_items')
    AND (
      (
        "vq"."effective_from" IS NULL OR "e"."screening_date" >= "vq"."effective_from"
      )
      AND (
        "vq"."effective_to" IS NULL OR "e"."screening_date" <= "vq"."effective_to"
      )
    )
  LEFT JOIN "value_set_codes" AS "vn"
    ON "vn"."code" = "e"."item"
    AND "vn"."code_system" = 'LOINC'
    AND "vn"."value_set" IN ('sdoh_null_answer_items')
    AND (
      (
        "vn"."effective_from" IS NULL OR "e"."screening_date" >= "vn"."effective_from"
      )
      AND (
        "vn"."effective_to" IS NULL OR "e"."screening_date" <= "vn"."effective_to"
      )
    )
  WHERE
    "e"."screening_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
    AND (
      NOT "e"."answer_code" IS NULL
      OR NOT "e"."score" IS NULL
      OR NOT "vn"."code" IS NULL
    )
  GROUP BY
    "u"."unit_id"
), "transportation_plan" AS (
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
    FROM "transportation_in_scope" AS "u"
    JOIN "enrollment" AS "e"
      ON "e"."member_id" = "u"."member_id"
      AND "e"."benefit" = 'medical'
      AND "e"."start_date" <= "u"."anchor_date"
  ) AS "ranked"
  WHERE
    "plan_rank" = 1
), "transportation_mother" AS (
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
), "transportation_mothers" AS (
  SELECT DISTINCT
    "mother_member_id"
  FROM "dyads"
)
SELECT
  'sdoh_screening' AS "measure_id",
  'transportation' AS "rate_id",
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
        "u"."birth_date" <= CAST('2025-12-31' AS DATE)
        AND CAST("u"."birth_date" + INTERVAL 216 MONTH AS DATE) > CAST('2025-12-31' AS DATE)
      ),
      FALSE
    ) AS "ip_met",
    COALESCE((
      NOT "transportation_criterion_1"."unit_id" IS NULL
    ), FALSE) AS "den_met",
    COALESCE(
      (
        (
          (
            COALESCE("transportation_criterion_2"."found", 0) >= 1
          )
          OR (
            NOT "transportation_criterion_3"."unit_id" IS NULL
          )
        )
      ),
      FALSE
    ) AS "denex_met",
    FALSE AS "excep_met",
    COALESCE(
      (
        (
          (
            COALESCE("transportation_criterion_4"."found", 0) >= 1
          )
          OR (
            COALESCE("transportation_criterion_5"."found", 0) >= 1
          )
        )
      ),
      FALSE
    ) AS "num_met",
    FALSE AS "numex_met",
    'not in denominator: continuously enrolled in the measurement period' AS "denominator_failed",
    'numerator not met: any of: G0136 social needs assessment billed (2024-2025 dates of service); transportation need screened' AS "numerator_failed",
    CASE
      WHEN COALESCE((
        COALESCE("transportation_criterion_2"."found", 0) >= 1
      ), FALSE)
      THEN 'hospice services in the measurement period'
      WHEN COALESCE((
        NOT "transportation_criterion_3"."unit_id" IS NULL
      ), FALSE)
      THEN 'died in the measurement period'
    END AS "denominator_exclusion_reason",
    CAST(NULL AS TEXT) AS "denominator_exception_reason",
    CAST(NULL AS TEXT) AS "numerator_exclusion_reason",
    GREATEST(
      CASE
        WHEN COALESCE("transportation_criterion_5"."found", 0) >= 1
        THEN "transportation_criterion_5"."evidence_date"
      END,
      CASE
        WHEN COALESCE("transportation_criterion_4"."found", 0) >= 1
        THEN "transportation_criterion_4"."evidence_date"
      END
    ) AS "numerator_evidence",
    CAST(NULL AS TEXT) AS "numerator_sources",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("transportation_criterion_4"."found", 0) >= 1
            )
            OR (
              COALESCE("transportation_criterion_5"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'one of: ' || CONCAT_WS(
        ' or ',
        CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("transportation_criterion_4"."found", 0) >= 1
            ), FALSE)
            THEN 'G0136 social needs assessment billed (2024-2025 dates of service): needs 1 by ' || COALESCE(CAST(CAST('2025-12-31' AS DATE) AS TEXT), 'an unknown date')
          END
        END,
        CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("transportation_criterion_5"."found", 0) >= 1
            ), FALSE)
            THEN 'transportation need screened: needs 1 by ' || COALESCE(CAST(CAST('2025-12-31' AS DATE) AS TEXT), 'an unknown date')
          END
        END
      )
    END AS "numerator_gap",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("transportation_criterion_4"."found", 0) >= 1
            )
            OR (
              COALESCE("transportation_criterion_5"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN GREATEST(
        CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("transportation_criterion_4"."found", 0) >= 1
            ), FALSE)
            THEN CAST('2025-12-31' AS DATE)
          END
        END,
        CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("transportation_criterion_5"."found", 0) >= 1
            ), FALSE)
            THEN CAST('2025-12-31' AS DATE)
          END
        END
      )
    END AS "numerator_due"
  FROM "units" AS "u"
  LEFT JOIN "transportation_criterion_1"
    ON "transportation_criterion_1"."unit_id" = "u"."unit_id"
  LEFT JOIN "transportation_criterion_2"
    ON "transportation_criterion_2"."unit_id" = "u"."unit_id"
  LEFT JOIN "transportation_criterion_3"
    ON "transportation_criterion_3"."unit_id" = "u"."unit_id"
  LEFT JOIN "transportation_criterion_4"
    ON "transportation_criterion_4"."unit_id" = "u"."unit_id"
  LEFT JOIN "transportation_criterion_5"
    ON "transportation_criterion_5"."unit_id" = "u"."unit_id"
) AS "f"
LEFT JOIN "transportation_plan" AS "pl"
  ON "pl"."unit_id" = "f"."unit_id"
LEFT JOIN "transportation_mother" AS "mo"
  ON "mo"."child_member_id" = "f"."member_id"
LEFT JOIN "transportation_mothers" AS "lc"
  ON "lc"."mother_member_id" = "f"."member_id"
WHERE
  "f"."ip_met";

-- sdoh_screening.referral_within_30_days: Referral or intervention within 30 days of the first positive screen
WITH "referral_within_30_days_units_0" AS (
  SELECT
    "u"."member_id" AS "unit_id",
    "u"."member_id" AS "member_id",
    "u"."birth_date" AS "birth_date",
    CAST(NULL AS TEXT) AS "event_id",
    CAST(NULL AS DATE) AS "event_date"
  FROM "members" AS "u"
), "referral_within_30_days_units_1" AS (
  SELECT
    "u".*,
    "d"."value" AS "date_first_positive"
  FROM "referral_within_30_days_units_0" AS "u"
  LEFT JOIN (
    SELECT
      "u"."unit_id" AS "unit_id",
      MIN("e"."screening_date") AS "value"
    FROM "referral_within_30_days_units_0" AS "u"
    JOIN "screenings" AS "e"
      ON "e"."member_id" = "u"."member_id"
    JOIN "value_set_codes" AS "vi"
      ON "vi"."code" = "e"."instrument"
      AND "vi"."code_system" = 'LOINC'
      AND "vi"."value_set" IN ('sdoh_screening_instruments')
      AND (
        (
          "vi"."effective_from" IS NULL OR "e"."screening_date" >= "vi"."effective_from"
        )
        AND (
          "vi"."effective_to" IS NULL OR "e"."screening_date" <= "vi"."effective_to"
        )
      )
    WHERE
      "e"."screening_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST(CAST('2025-12-31' AS DATE) + INTERVAL (-30) DAY AS DATE)
      AND "e"."result" = 'positive'
    GROUP BY
      "u"."unit_id"
  ) AS "d"
    ON "d"."unit_id" = "u"."unit_id"
), "units" AS (
  SELECT
    "u".*,
    CAST('2025-12-31' AS DATE) AS "anchor_date"
  FROM "referral_within_30_days_units_1" AS "u"
), "referral_within_30_days_in_scope" AS (
  SELECT
    "u".*
  FROM "units" AS "u"
  WHERE
    COALESCE(
      (
        "u"."birth_date" <= CAST('2025-12-31' AS DATE)
        AND CAST("u"."birth_date" + INTERVAL 216 MONTH AS DATE) > CAST('2025-12-31' AS DATE)
      ),
      FALSE
    )
), "referral_within_30_days_criterion_1" AS (
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
        CAST('2025-01-01' AS DATE) AS "window_start",
        CAST('2025-12-31' AS DATE) AS "window_end",
        GREATEST("e"."start_date", CAST('2025-01-01' AS DATE)) AS "span_start",
        LEAST("e"."end_date", CAST('2025-12-31' AS DATE)) AS "span_end",
        CASE
          WHEN CAST('2025-12-31' AS DATE) BETWEEN "e"."start_date" AND "e"."end_date"
          THEN 1
          ELSE 0
        END AS "covers_date"
      FROM "referral_within_30_days_in_scope" AS "u"
      JOIN "enrollment" AS "e"
        ON "e"."member_id" = "u"."member_id"
      WHERE
        "e"."start_date" <= CAST('2025-12-31' AS DATE)
        AND "e"."end_date" >= CAST('2025-01-01' AS DATE)
        AND "e"."benefit" = 'medical'
    ) AS "clipped"
  ) AS "gaps"
  GROUP BY
    "unit_id"
  HAVING
    SUM(CASE WHEN "gap_before" > 0 THEN 1 ELSE 0 END) + CASE WHEN DATE_DIFF('DAY', MAX("span_end"), MAX("window_end")) > 0 THEN 1 ELSE 0 END <= 1
    AND GREATEST(MAX("gap_before"), DATE_DIFF('DAY', MAX("span_end"), MAX("window_end"))) <= 45
    AND MAX("covers_date") = 1
), "referral_within_30_days_criterion_2" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."screening_date") AS "evidence_date",
    1 AS "found"
  FROM "referral_within_30_days_in_scope" AS "u"
  JOIN "screenings" AS "e"
    ON "e"."member_id" = "u"."member_id"
  JOIN "value_set_codes" AS "vi"
    ON "vi"."code" = "e"."instrument"
    AND "vi"."code_system" = 'LOINC'
    AND "vi"."value_set" IN ('sdoh_screening_instruments')
    AND (
      (
        "vi"."effective_from" IS NULL OR "e"."screening_date" >= "vi"."effective_from"
      )
      AND (
        "vi"."effective_to" IS NULL OR "e"."screening_date" <= "vi"."effective_to"
      )
    )
  WHERE
    "e"."screening_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST(CAST('2025-12-31' AS DATE) + INTERVAL (-30) DAY AS DATE)
    AND "e"."result" = 'positive'
  GROUP BY
    "u"."unit_id"
), "referral_within_30_days_criterion_3" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "referral_within_30_days_in_scope" AS "u"
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
), "referral_within_30_days_criterion_4" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    "mb"."death_date" AS "evidence_date"
  FROM "referral_within_30_days_in_scope" AS "u"
  JOIN "members" AS "mb"
    ON "mb"."member_id" = "u"."member_id"
  WHERE
    "mb"."death_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
), "referral_within_30_days_criterion_5" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."referral_date") AS "evidence_date",
    1 AS "found"
  FROM "referral_within_30_days_in_scope" AS "u"
  JOIN "screenings" AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."referral_date" BETWEEN "u"."date_first_positive" AND CAST("u"."date_first_positive" + INTERVAL 30 DAY AS DATE)
    AND "e"."referral_status" IN ('made', 'completed')
  GROUP BY
    "u"."unit_id"
), "referral_within_30_days_criterion_6" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "referral_within_30_days_in_scope" AS "u"
  JOIN "claim_value_sets" AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."value_set" IN ('sdoh_intervention')
    AND "e"."service_date" BETWEEN "u"."date_first_positive" AND CAST("u"."date_first_positive" + INTERVAL 30 DAY AS DATE)
    AND "e"."claim_status" IN ('paid', 'adjusted')
    AND "e"."code_role" = 'procedure'
  GROUP BY
    "u"."unit_id"
), "referral_within_30_days_plan" AS (
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
    FROM "referral_within_30_days_in_scope" AS "u"
    JOIN "enrollment" AS "e"
      ON "e"."member_id" = "u"."member_id"
      AND "e"."benefit" = 'medical'
      AND "e"."start_date" <= "u"."anchor_date"
  ) AS "ranked"
  WHERE
    "plan_rank" = 1
), "referral_within_30_days_mother" AS (
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
), "referral_within_30_days_mothers" AS (
  SELECT DISTINCT
    "mother_member_id"
  FROM "dyads"
)
SELECT
  'sdoh_screening' AS "measure_id",
  'referral_within_30_days' AS "rate_id",
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
        "u"."birth_date" <= CAST('2025-12-31' AS DATE)
        AND CAST("u"."birth_date" + INTERVAL 216 MONTH AS DATE) > CAST('2025-12-31' AS DATE)
      ),
      FALSE
    ) AS "ip_met",
    COALESCE(
      (
        (
          NOT "referral_within_30_days_criterion_1"."unit_id" IS NULL
        )
        AND (
          COALESCE("referral_within_30_days_criterion_2"."found", 0) >= 1
        )
      ),
      FALSE
    ) AS "den_met",
    COALESCE(
      (
        (
          (
            COALESCE("referral_within_30_days_criterion_3"."found", 0) >= 1
          )
          OR (
            NOT "referral_within_30_days_criterion_4"."unit_id" IS NULL
          )
        )
      ),
      FALSE
    ) AS "denex_met",
    FALSE AS "excep_met",
    COALESCE(
      (
        (
          (
            COALESCE("referral_within_30_days_criterion_5"."found", 0) >= 1
          )
          OR (
            COALESCE("referral_within_30_days_criterion_6"."found", 0) >= 1
          )
        )
      ),
      FALSE
    ) AS "num_met",
    FALSE AS "numex_met",
    CASE
      WHEN NOT COALESCE((
        NOT "referral_within_30_days_criterion_1"."unit_id" IS NULL
      ), FALSE)
      THEN 'not in denominator: continuously enrolled in the measurement period'
      WHEN NOT COALESCE((
        COALESCE("referral_within_30_days_criterion_2"."found", 0) >= 1
      ), FALSE)
      THEN 'not in denominator: a positive food, housing or transportation screen by 1 December'
    END AS "denominator_failed",
    'numerator not met: referral or intervention within 30 days of the first positive screen' AS "numerator_failed",
    CASE
      WHEN COALESCE((
        COALESCE("referral_within_30_days_criterion_3"."found", 0) >= 1
      ), FALSE)
      THEN 'hospice services in the measurement period'
      WHEN COALESCE((
        NOT "referral_within_30_days_criterion_4"."unit_id" IS NULL
      ), FALSE)
      THEN 'died in the measurement period'
    END AS "denominator_exclusion_reason",
    CAST(NULL AS TEXT) AS "denominator_exception_reason",
    CAST(NULL AS TEXT) AS "numerator_exclusion_reason",
    GREATEST(
      CASE
        WHEN COALESCE("referral_within_30_days_criterion_6"."found", 0) >= 1
        THEN "referral_within_30_days_criterion_6"."evidence_date"
      END,
      CASE
        WHEN COALESCE("referral_within_30_days_criterion_5"."found", 0) >= 1
        THEN "referral_within_30_days_criterion_5"."evidence_date"
      END
    ) AS "numerator_evidence",
    CAST(NULL AS TEXT) AS "numerator_sources",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("referral_within_30_days_criterion_5"."found", 0) >= 1
            )
            OR (
              COALESCE("referral_within_30_days_criterion_6"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN CASE
        WHEN TRUE
        THEN CASE
          WHEN NOT COALESCE((
            COALESCE("referral_within_30_days_criterion_5"."found", 0) >= 1
          ), FALSE)
          THEN 'referral made or completed: needs 1 by ' || COALESCE(
            CAST(CAST("u"."date_first_positive" + INTERVAL 30 DAY AS DATE) AS TEXT),
            'an unknown date'
          )
        END
        WHEN TRUE
        THEN CASE
          WHEN NOT COALESCE((
            COALESCE("referral_within_30_days_criterion_6"."found", 0) >= 1
          ), FALSE)
          THEN 'community health integration service: needs 1 by ' || COALESCE(
            CAST(CAST("u"."date_first_positive" + INTERVAL 30 DAY AS DATE) AS TEXT),
            'an unknown date'
          )
        END
      END
    END AS "numerator_gap",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("referral_within_30_days_criterion_5"."found", 0) >= 1
            )
            OR (
              COALESCE("referral_within_30_days_criterion_6"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN CASE
        WHEN TRUE
        THEN CASE
          WHEN NOT COALESCE((
            COALESCE("referral_within_30_days_criterion_5"."found", 0) >= 1
          ), FALSE)
          THEN CAST("u"."date_first_positive" + INTERVAL 30 DAY AS DATE)
        END
        WHEN TRUE
        THEN CASE
          WHEN NOT COALESCE((
            COALESCE("referral_within_30_days_criterion_6"."found", 0) >= 1
          ), FALSE)
          THEN CAST("u"."date_first_positive" + INTERVAL 30 DAY AS DATE)
        END
      END
    END AS "numerator_due"
  FROM "units" AS "u"
  LEFT JOIN "referral_within_30_days_criterion_1"
    ON "referral_within_30_days_criterion_1"."unit_id" = "u"."unit_id"
  LEFT JOIN "referral_within_30_days_criterion_2"
    ON "referral_within_30_days_criterion_2"."unit_id" = "u"."unit_id"
  LEFT JOIN "referral_within_30_days_criterion_3"
    ON "referral_within_30_days_criterion_3"."unit_id" = "u"."unit_id"
  LEFT JOIN "referral_within_30_days_criterion_4"
    ON "referral_within_30_days_criterion_4"."unit_id" = "u"."unit_id"
  LEFT JOIN "referral_within_30_days_criterion_5"
    ON "referral_within_30_days_criterion_5"."unit_id" = "u"."unit_id"
  LEFT JOIN "referral_within_30_days_criterion_6"
    ON "referral_within_30_days_criterion_6"."unit_id" = "u"."unit_id"
) AS "f"
LEFT JOIN "referral_within_30_days_plan" AS "pl"
  ON "pl"."unit_id" = "f"."unit_id"
LEFT JOIN "referral_within_30_days_mother" AS "mo"
  ON "mo"."child_member_id" = "f"."member_id"
LEFT JOIN "referral_within_30_days_mothers" AS "lc"
  ON "lc"."mother_member_id" = "f"."member_id"
WHERE
  "f"."ip_met";
