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
  AND "v"."value_set" IN ('hospice', 'well_care_visits');

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

-- shared stage encounters_codes: each code (the system in code_system, SNOMEDCT) on a record of encounters (encounter and procedure records) with its date and status
CREATE TEMPORARY VIEW "encounters_codes" AS
SELECT
  "r"."member_id",
  "r"."start_date" AS "service_date",
  "r"."status",
  "r"."code" AS "code",
  "r"."code_system" AS "code_system",
  COALESCE("r"."end_date", "r"."start_date") AS "last_service_date",
  "r"."provider_type" AS "provider_type"
FROM "encounters" AS "r"
WHERE
  NOT "r"."code" IS NULL AND "r"."record_type" IN ('encounter', 'procedure')
UNION ALL
SELECT
  "r"."member_id",
  COALESCE("r"."end_date", "r"."start_date") AS "service_date",
  "r"."status",
  "r"."discharge_disposition" AS "code",
  'SNOMEDCT' AS "code_system",
  COALESCE("r"."end_date", "r"."start_date") AS "last_service_date",
  "r"."provider_type" AS "provider_type"
FROM "encounters" AS "r"
WHERE
  NOT "r"."discharge_disposition" IS NULL
  AND "r"."record_type" IN ('encounter', 'procedure');

-- shared stage encounters_value_sets: each code on a record of encounters whose status counts, with every value set it belongs to on the record's date
CREATE TEMPORARY VIEW "encounters_value_sets" AS
SELECT
  "e"."member_id",
  "e"."service_date",
  "e"."last_service_date",
  "e"."provider_type",
  "v"."value_set"
FROM "encounters_codes" AS "e"
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
  AND "v"."value_set" IN ('well_care_visits')
WHERE
  "e"."status" IN ('finished', 'completed');

-- wcv.ages_3_21: At least one well-care visit, ages 3 to 21
WITH "ages_3_21_units_0" AS (
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
  FROM "ages_3_21_units_0" AS "u"
), "ages_3_21_in_scope" AS (
  SELECT
    "u".*
  FROM "units" AS "u"
  WHERE
    COALESCE(
      (
        CAST("u"."birth_date" + INTERVAL 36 MONTH AS DATE) <= CAST('2025-12-31' AS DATE)
        AND CAST("u"."birth_date" + INTERVAL 264 MONTH AS DATE) > CAST('2025-12-31' AS DATE)
      ),
      FALSE
    )
), "ages_3_21_encounters_in_scope" AS (
  SELECT
    "c".*
  FROM "encounters_value_sets" AS "c"
  JOIN (
    SELECT DISTINCT
      "s"."member_id"
    FROM "ages_3_21_in_scope" AS "s"
  ) AS "s"
    ON "s"."member_id" = "c"."member_id"
  WHERE
    "c"."value_set" IN ('well_care_visits')
), "ages_3_21_criterion_1" AS (
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
      FROM "ages_3_21_in_scope" AS "u"
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
), "ages_3_21_criterion_2" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "ages_3_21_in_scope" AS "u"
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
), "ages_3_21_criterion_3" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    "mb"."death_date" AS "evidence_date"
  FROM "ages_3_21_in_scope" AS "u"
  JOIN "members" AS "mb"
    ON "mb"."member_id" = "u"."member_id"
  WHERE
    "mb"."death_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
), "ages_3_21_criterion_4" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "ages_3_21_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    JOIN "value_set_codes" AS "p"
      ON "p"."code" = "c"."provider_type"
      AND "p"."code_system" = 'PROVIDER_TYPE'
      AND "p"."value_set" IN ('pcp_or_obgyn_provider_types')
      AND (
        (
          "p"."effective_from" IS NULL OR "c"."service_date" >= "p"."effective_from"
        )
        AND (
          "p"."effective_to" IS NULL OR "c"."service_date" <= "p"."effective_to"
        )
      )
    WHERE
      "c"."value_set" IN ('well_care_visits')
      AND "c"."claim_status" IN ('paid', 'adjusted')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "ages_3_21_encounters_in_scope" AS "c"
    JOIN "value_set_codes" AS "p"
      ON "p"."code" = "c"."provider_type"
      AND "p"."code_system" = 'PROVIDER_TYPE'
      AND "p"."value_set" IN ('pcp_or_obgyn_provider_types')
      AND (
        (
          "p"."effective_from" IS NULL OR "c"."service_date" >= "p"."effective_from"
        )
        AND (
          "p"."effective_to" IS NULL OR "c"."service_date" <= "p"."effective_to"
        )
      )
    WHERE
      "c"."value_set" IN ('well_care_visits')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
  GROUP BY
    "u"."unit_id"
), "ages_3_21_plan" AS (
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
    FROM "ages_3_21_in_scope" AS "u"
    JOIN "enrollment" AS "e"
      ON "e"."member_id" = "u"."member_id"
      AND "e"."benefit" = 'medical'
      AND "e"."start_date" <= "u"."anchor_date"
  ) AS "ranked"
  WHERE
    "plan_rank" = 1
), "ages_3_21_mother" AS (
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
), "ages_3_21_mothers" AS (
  SELECT DISTINCT
    "mother_member_id"
  FROM "dyads"
)
SELECT
  'wcv' AS "measure_id",
  'ages_3_21' AS "rate_id",
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
  CASE
    WHEN YEAR("f"."anchor_date") - YEAR("f"."birth_date") - CASE
      WHEN CAST("f"."birth_date" + INTERVAL ((
        YEAR("f"."anchor_date") - YEAR("f"."birth_date")
      ) * 12) MONTH AS DATE) > "f"."anchor_date"
      THEN 1
      ELSE 0
    END BETWEEN 3 AND 11
    THEN '3-11'
    WHEN YEAR("f"."anchor_date") - YEAR("f"."birth_date") - CASE
      WHEN CAST("f"."birth_date" + INTERVAL ((
        YEAR("f"."anchor_date") - YEAR("f"."birth_date")
      ) * 12) MONTH AS DATE) > "f"."anchor_date"
      THEN 1
      ELSE 0
    END BETWEEN 12 AND 17
    THEN '12-17'
    WHEN YEAR("f"."anchor_date") - YEAR("f"."birth_date") - CASE
      WHEN CAST("f"."birth_date" + INTERVAL ((
        YEAR("f"."anchor_date") - YEAR("f"."birth_date")
      ) * 12) MONTH AS DATE) > "f"."anchor_date"
      THEN 1
      ELSE 0
    END BETWEEN 18 AND 21
    THEN '18-21'
    ELSE 'Outside age bands'
  END AS "age_band",
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
        CAST("u"."birth_date" + INTERVAL 36 MONTH AS DATE) <= CAST('2025-12-31' AS DATE)
        AND CAST("u"."birth_date" + INTERVAL 264 MONTH AS DATE) > CAST('2025-12-31' AS DATE)
      ),
      FALSE
    ) AS "ip_met",
    COALESCE((
      NOT "ages_3_21_criterion_1"."unit_id" IS NULL
    ), FALSE) AS "den_met",
    COALESCE(
      (
        (
          (
            COALESCE("ages_3_21_criterion_2"."found", 0) >= 1
          )
          OR (
            NOT "ages_3_21_criterion_3"."unit_id" IS NULL
          )
        )
      ),
      FALSE
    ) AS "denex_met",
    FALSE AS "excep_met",
    COALESCE((
      COALESCE("ages_3_21_criterion_4"."found", 0) >= 1
    ), FALSE) AS "num_met",
    FALSE AS "numex_met",
    'not in denominator: continuously enrolled in the measurement period' AS "denominator_failed",
    'numerator not met: a well-care visit with a PCP or OB/GYN in the period' AS "numerator_failed",
    CASE
      WHEN COALESCE((
        COALESCE("ages_3_21_criterion_2"."found", 0) >= 1
      ), FALSE)
      THEN 'hospice services in the measurement period'
      WHEN COALESCE((
        NOT "ages_3_21_criterion_3"."unit_id" IS NULL
      ), FALSE)
      THEN 'died in the measurement period'
    END AS "denominator_exclusion_reason",
    CAST(NULL AS TEXT) AS "denominator_exception_reason",
    CAST(NULL AS TEXT) AS "numerator_exclusion_reason",
    CASE
      WHEN COALESCE("ages_3_21_criterion_4"."found", 0) >= 1
      THEN "ages_3_21_criterion_4"."evidence_date"
    END AS "numerator_evidence",
    NULLIF(
      CONCAT_WS(
        '; ',
        CASE
          WHEN COALESCE("ages_3_21_criterion_4"."found", 0) >= 1
          THEN 'a well-care visit with a PCP or OB/GYN in the period: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "ages_3_21_criterion_4"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "ages_3_21_criterion_4"."from_encounters" = 1 THEN 'encounters' END
          )
        END
      ),
      ''
    ) AS "numerator_sources",
    CASE
      WHEN NOT COALESCE((
        COALESCE("ages_3_21_criterion_4"."found", 0) >= 1
      ), FALSE)
      THEN 'a well-care visit with a PCP or OB/GYN in the period: needs 1 by ' || COALESCE(CAST(CAST('2025-12-31' AS DATE) AS TEXT), 'an unknown date')
    END AS "numerator_gap",
    CASE
      WHEN NOT COALESCE((
        COALESCE("ages_3_21_criterion_4"."found", 0) >= 1
      ), FALSE)
      THEN CAST('2025-12-31' AS DATE)
    END AS "numerator_due"
  FROM "units" AS "u"
  LEFT JOIN "ages_3_21_criterion_1"
    ON "ages_3_21_criterion_1"."unit_id" = "u"."unit_id"
  LEFT JOIN "ages_3_21_criterion_2"
    ON "ages_3_21_criterion_2"."unit_id" = "u"."unit_id"
  LEFT JOIN "ages_3_21_criterion_3"
    ON "ages_3_21_criterion_3"."unit_id" = "u"."unit_id"
  LEFT JOIN "ages_3_21_criterion_4"
    ON "ages_3_21_criterion_4"."unit_id" = "u"."unit_id"
) AS "f"
LEFT JOIN "ages_3_21_plan" AS "pl"
  ON "pl"."unit_id" = "f"."unit_id"
LEFT JOIN "ages_3_21_mother" AS "mo"
  ON "mo"."child_member_id" = "f"."member_id"
LEFT JOIN "ages_3_21_mothers" AS "lc"
  ON "lc"."mother_member_id" = "f"."member_id"
WHERE
  "f"."ip_met";
