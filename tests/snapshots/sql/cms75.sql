-- shared stage observations_codes: each code (the system in code_system) on a record of observations with its date and status
CREATE TEMPORARY VIEW "observations_codes" AS
SELECT
  "r"."member_id",
  "r"."effective_date" AS "service_date",
  "r"."status",
  "r"."code" AS "code",
  "r"."code_system" AS "code_system",
  COALESCE("r"."end_date", "r"."effective_date") AS "last_service_date",
  (
    NOT "r"."value_number" IS NULL OR NOT "r"."value_code" IS NULL
  ) AS "has_value",
  "r"."value_code" AS "answer_code",
  "r"."value_code_system" AS "answer_code_system"
FROM "observations" AS "r"
WHERE
  NOT "r"."code" IS NULL;

-- shared stage observations_value_sets: each code on a record of observations whose status counts, with every value set it belongs to on the record's date
CREATE TEMPORARY VIEW "observations_value_sets" AS
SELECT
  "e"."member_id",
  "e"."service_date",
  "e"."last_service_date",
  "e"."has_value",
  "e"."answer_code",
  "e"."answer_code_system",
  "v"."value_set"
FROM "observations_codes" AS "e"
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
  AND "v"."value_set" IN ('hospice_care_mds')
WHERE
  "e"."status" IN ('final', 'amended', 'corrected');

-- shared stage conditions_codes: each code (the system in code_system) on a record of conditions with its date and status
CREATE TEMPORARY VIEW "conditions_codes" AS
SELECT
  "r"."member_id",
  "r"."onset_date" AS "service_date",
  "r"."verification_status",
  "r"."code" AS "code",
  "r"."code_system" AS "code_system",
  "r"."abatement_date" AS "last_service_date"
FROM "conditions" AS "r"
WHERE
  NOT "r"."code" IS NULL;

-- shared stage conditions_value_sets: each code on a record of conditions whose status counts, with every value set it belongs to on the record's date
CREATE TEMPORARY VIEW "conditions_value_sets" AS
SELECT
  "e"."member_id",
  "e"."service_date",
  "e"."last_service_date",
  "v"."value_set"
FROM "conditions_codes" AS "e"
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
  AND "v"."value_set" IN ('dental_caries', 'hospice_diagnosis')
WHERE
  "e"."verification_status" IS NULL
  OR NOT "e"."verification_status" IN ('refuted', 'entered-in-error');

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
  AND "v"."value_set" IN (
    'clinical_oral_evaluation',
    'hospice_care_ambulatory',
    'hospice_discharge',
    'hospice_encounter'
  )
WHERE
  "e"."status" IN ('finished', 'completed');

-- shared stage orders_codes: each code (the system in code_system) on a record of encounters (order records) with its date and status
CREATE TEMPORARY VIEW "orders_codes" AS
SELECT
  "r"."member_id",
  "r"."start_date" AS "service_date",
  "r"."status",
  "r"."code" AS "code",
  "r"."code_system" AS "code_system"
FROM "encounters" AS "r"
WHERE
  NOT "r"."code" IS NULL AND "r"."record_type" IN ('order');

-- shared stage orders_value_sets: each code on a record of orders whose status counts, with every value set it belongs to on the record's date
CREATE TEMPORARY VIEW "orders_value_sets" AS
SELECT
  "e"."member_id",
  "e"."service_date",
  "v"."value_set"
FROM "orders_codes" AS "e"
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
  AND "v"."value_set" IN ('hospice_care_ambulatory')
WHERE
  "e"."status" IN ('active', 'completed');

-- cms75.dental_decay: Dental decay or cavities, ages 1 to 20
WITH "dental_decay_units_0" AS (
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
    CAST('2025-01-01' AS DATE) AS "anchor_date"
  FROM "dental_decay_units_0" AS "u"
), "dental_decay_criterion_1" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "units" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "encounters_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('clinical_oral_evaluation')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
  GROUP BY
    "u"."unit_id"
), "dental_decay_in_scope" AS (
  SELECT
    "u".*
  FROM "units" AS "u"
  LEFT JOIN "dental_decay_criterion_1"
    ON "dental_decay_criterion_1"."unit_id" = "u"."unit_id"
  WHERE
    COALESCE(
      (
        (
          CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE) <= CAST('2025-01-01' AS DATE)
          AND CAST("u"."birth_date" + INTERVAL 252 MONTH AS DATE) > CAST('2025-01-01' AS DATE)
        )
        AND (
          COALESCE("dental_decay_criterion_1"."found", 0) >= 1
        )
      ),
      FALSE
    )
), "dental_decay_encounters_in_scope" AS (
  SELECT
    "c".*
  FROM "encounters_value_sets" AS "c"
  JOIN (
    SELECT DISTINCT
      "s"."member_id"
    FROM "dental_decay_in_scope" AS "s"
  ) AS "s"
    ON "s"."member_id" = "c"."member_id"
  WHERE
    "c"."value_set" IN ('hospice_care_ambulatory', 'hospice_discharge', 'hospice_encounter')
), "dental_decay_orders_in_scope" AS (
  SELECT
    "c".*
  FROM "orders_value_sets" AS "c"
  JOIN (
    SELECT DISTINCT
      "s"."member_id"
    FROM "dental_decay_in_scope" AS "s"
  ) AS "s"
    ON "s"."member_id" = "c"."member_id"
  WHERE
    "c"."value_set" IN ('hospice_care_ambulatory')
), "dental_decay_criterion_2" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "dental_decay_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "dental_decay_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('hospice_discharge')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
  GROUP BY
    "u"."unit_id"
), "dental_decay_criterion_3" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "dental_decay_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source",
      "c"."last_service_date" AS "last_service_date"
    FROM "dental_decay_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('hospice_encounter', 'hospice_care_ambulatory')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" <= CAST('2025-12-31' AS DATE)
    AND (
      "e"."last_service_date" IS NULL
      OR "e"."last_service_date" >= CAST('2025-01-01' AS DATE)
    )
  GROUP BY
    "u"."unit_id"
), "dental_decay_criterion_4" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'orders' THEN 1 ELSE 0 END) AS "from_orders"
  FROM "dental_decay_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'orders' AS "source"
    FROM "dental_decay_orders_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('hospice_care_ambulatory')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
  GROUP BY
    "u"."unit_id"
), "dental_decay_criterion_5" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'observations' THEN 1 ELSE 0 END) AS "from_observations"
  FROM "dental_decay_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'observations' AS "source",
      "c"."last_service_date" AS "last_service_date"
    FROM "observations_value_sets" AS "c"
    JOIN "value_set_codes" AS "a"
      ON "a"."code" = "c"."answer_code"
      AND "a"."code_system" = "c"."answer_code_system"
      AND "a"."value_set" IN ('yes_qualifier')
      AND (
        (
          "a"."effective_from" IS NULL OR "c"."service_date" >= "a"."effective_from"
        )
        AND (
          "a"."effective_to" IS NULL OR "c"."service_date" <= "a"."effective_to"
        )
      )
    WHERE
      "c"."value_set" IN ('hospice_care_mds')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" <= CAST('2025-12-31' AS DATE)
    AND (
      "e"."last_service_date" IS NULL
      OR "e"."last_service_date" >= CAST('2025-01-01' AS DATE)
    )
  GROUP BY
    "u"."unit_id"
), "dental_decay_criterion_6" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "dental_decay_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source",
      "c"."last_service_date" AS "last_service_date"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('hospice_diagnosis')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" <= CAST('2025-12-31' AS DATE)
    AND (
      "e"."last_service_date" IS NULL
      OR "e"."last_service_date" >= CAST('2025-01-01' AS DATE)
    )
  GROUP BY
    "u"."unit_id"
), "dental_decay_criterion_7" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "dental_decay_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source",
      "c"."last_service_date" AS "last_service_date"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('dental_caries')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" <= CAST('2025-12-31' AS DATE)
    AND (
      "e"."last_service_date" IS NULL
      OR "e"."last_service_date" >= CAST('2025-01-01' AS DATE)
    )
  GROUP BY
    "u"."unit_id"
), "dental_decay_plan" AS (
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
    FROM "dental_decay_in_scope" AS "u"
    JOIN "enrollment" AS "e"
      ON "e"."member_id" = "u"."member_id"
      AND "e"."benefit" = 'medical'
      AND "e"."start_date" <= "u"."anchor_date"
  ) AS "ranked"
  WHERE
    "plan_rank" = 1
), "dental_decay_mother" AS (
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
), "dental_decay_mothers" AS (
  SELECT DISTINCT
    "mother_member_id"
  FROM "dyads"
)
SELECT
  'cms75' AS "measure_id",
  'dental_decay' AS "rate_id",
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
    END BETWEEN 1 AND 5
    THEN '1-5'
    WHEN YEAR("f"."anchor_date") - YEAR("f"."birth_date") - CASE
      WHEN CAST("f"."birth_date" + INTERVAL ((
        YEAR("f"."anchor_date") - YEAR("f"."birth_date")
      ) * 12) MONTH AS DATE) > "f"."anchor_date"
      THEN 1
      ELSE 0
    END BETWEEN 6 AND 12
    THEN '6-12'
    WHEN YEAR("f"."anchor_date") - YEAR("f"."birth_date") - CASE
      WHEN CAST("f"."birth_date" + INTERVAL ((
        YEAR("f"."anchor_date") - YEAR("f"."birth_date")
      ) * 12) MONTH AS DATE) > "f"."anchor_date"
      THEN 1
      ELSE 0
    END BETWEEN 13 AND 20
    THEN '13-20'
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
        (
          CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE) <= CAST('2025-01-01' AS DATE)
          AND CAST("u"."birth_date" + INTERVAL 252 MONTH AS DATE) > CAST('2025-01-01' AS DATE)
        )
        AND (
          COALESCE("dental_decay_criterion_1"."found", 0) >= 1
        )
      ),
      FALSE
    ) AS "ip_met",
    TRUE AS "den_met",
    COALESCE(
      (
        (
          (
            COALESCE("dental_decay_criterion_2"."found", 0) >= 1
          )
          OR (
            COALESCE("dental_decay_criterion_3"."found", 0) >= 1
          )
          OR (
            COALESCE("dental_decay_criterion_4"."found", 0) >= 1
          )
          OR (
            COALESCE("dental_decay_criterion_5"."found", 0) >= 1
          )
          OR (
            COALESCE("dental_decay_criterion_6"."found", 0) >= 1
          )
        )
      ),
      FALSE
    ) AS "denex_met",
    FALSE AS "excep_met",
    COALESCE((
      COALESCE("dental_decay_criterion_7"."found", 0) >= 1
    ), FALSE) AS "num_met",
    FALSE AS "numex_met",
    CAST(NULL AS TEXT) AS "denominator_failed",
    'numerator not met: a dental caries diagnosis active in the period' AS "numerator_failed",
    'hospice services in the measurement period' AS "denominator_exclusion_reason",
    CAST(NULL AS TEXT) AS "denominator_exception_reason",
    CAST(NULL AS TEXT) AS "numerator_exclusion_reason",
    CASE
      WHEN COALESCE("dental_decay_criterion_7"."found", 0) >= 1
      THEN "dental_decay_criterion_7"."evidence_date"
    END AS "numerator_evidence",
    NULLIF(
      CONCAT_WS(
        '; ',
        CASE
          WHEN COALESCE("dental_decay_criterion_7"."found", 0) >= 1
          THEN 'a dental caries diagnosis active in the period: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "dental_decay_criterion_7"."from_conditions" = 1 THEN 'conditions' END
          )
        END
      ),
      ''
    ) AS "numerator_sources",
    CASE
      WHEN NOT COALESCE((
        COALESCE("dental_decay_criterion_7"."found", 0) >= 1
      ), FALSE)
      THEN 'a dental caries diagnosis active in the period: needs 1 by ' || COALESCE(CAST(CAST('2025-12-31' AS DATE) AS TEXT), 'an unknown date')
    END AS "numerator_gap",
    CASE
      WHEN NOT COALESCE((
        COALESCE("dental_decay_criterion_7"."found", 0) >= 1
      ), FALSE)
      THEN CAST('2025-12-31' AS DATE)
    END AS "numerator_due"
  FROM "units" AS "u"
  LEFT JOIN "dental_decay_criterion_1"
    ON "dental_decay_criterion_1"."unit_id" = "u"."unit_id"
  LEFT JOIN "dental_decay_criterion_2"
    ON "dental_decay_criterion_2"."unit_id" = "u"."unit_id"
  LEFT JOIN "dental_decay_criterion_3"
    ON "dental_decay_criterion_3"."unit_id" = "u"."unit_id"
  LEFT JOIN "dental_decay_criterion_4"
    ON "dental_decay_criterion_4"."unit_id" = "u"."unit_id"
  LEFT JOIN "dental_decay_criterion_5"
    ON "dental_decay_criterion_5"."unit_id" = "u"."unit_id"
  LEFT JOIN "dental_decay_criterion_6"
    ON "dental_decay_criterion_6"."unit_id" = "u"."unit_id"
  LEFT JOIN "dental_decay_criterion_7"
    ON "dental_decay_criterion_7"."unit_id" = "u"."unit_id"
) AS "f"
LEFT JOIN "dental_decay_plan" AS "pl"
  ON "pl"."unit_id" = "f"."unit_id"
LEFT JOIN "dental_decay_mother" AS "mo"
  ON "mo"."child_member_id" = "f"."member_id"
LEFT JOIN "dental_decay_mothers" AS "lc"
  ON "lc"."mother_member_id" = "f"."member_id"
WHERE
  "f"."ip_met";
