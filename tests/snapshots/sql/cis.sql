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
  AND "v"."value_set" IN (
    'anaphylactic_reaction_to_dtap_vaccine',
    'anaphylaxis_hepatitis_a_vaccine',
    'anaphylaxis_hepatitis_b_vaccine',
    'anaphylaxis_hib_vaccine',
    'anaphylaxis_influenza_vaccine',
    'anaphylaxis_mmr_vaccine',
    'anaphylaxis_pneumococcal_vaccine',
    'anaphylaxis_polio_vaccine',
    'anaphylaxis_rotavirus_vaccine',
    'anaphylaxis_varicella_vaccine',
    'cis_exclusions',
    'disorders_of_the_immune_system',
    'encephalitis_due_to_dtp_vaccine',
    'hepatitis_a',
    'hepatitis_b',
    'history_hepatitis_a',
    'history_hepatitis_b',
    'history_measles',
    'history_mumps',
    'history_rubella',
    'history_varicella',
    'hiv',
    'hospice',
    'intussusception',
    'malignant_neoplasm_of_lymphatic_and_hematopoietic_tissue',
    'measles',
    'mumps',
    'rubella',
    'severe_combined_immunodeficiency',
    'vaccine_anaphylaxis',
    'vaccine_dtap',
    'vaccine_encephalitis',
    'vaccine_hepa',
    'vaccine_hepb',
    'vaccine_hib',
    'vaccine_influenza',
    'vaccine_influenza_laiv',
    'vaccine_ipv',
    'vaccine_mmr',
    'vaccine_pcv',
    'vaccine_rotavirus_2_dose',
    'vaccine_rotavirus_any',
    'vaccine_vzv',
    'varicella_zoster'
  );

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

-- shared stage immunizations_codes: each code (CVX, CPT, NDC) on a record of immunizations with its date and status
CREATE TEMPORARY VIEW "immunizations_codes" AS
SELECT
  "r"."member_id",
  "r"."administered_date" AS "service_date",
  "r"."status",
  "r"."cvx_code" AS "code",
  'CVX' AS "code_system"
FROM "immunizations" AS "r"
WHERE
  NOT "r"."cvx_code" IS NULL
UNION ALL
SELECT
  "r"."member_id",
  "r"."administered_date" AS "service_date",
  "r"."status",
  "r"."cpt_code" AS "code",
  'CPT' AS "code_system"
FROM "immunizations" AS "r"
WHERE
  NOT "r"."cpt_code" IS NULL
UNION ALL
SELECT
  "r"."member_id",
  "r"."administered_date" AS "service_date",
  "r"."status",
  "r"."ndc_code" AS "code",
  'NDC' AS "code_system"
FROM "immunizations" AS "r"
WHERE
  NOT "r"."ndc_code" IS NULL;

-- shared stage immunizations_value_sets: each code on a record of immunizations whose status counts, with every value set it belongs to on the record's date
CREATE TEMPORARY VIEW "immunizations_value_sets" AS
SELECT
  "e"."member_id",
  "e"."service_date",
  "v"."value_set"
FROM "immunizations_codes" AS "e"
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
    'vaccine_dtap',
    'vaccine_hepa',
    'vaccine_hepb',
    'vaccine_hib',
    'vaccine_influenza',
    'vaccine_influenza_laiv',
    'vaccine_ipv',
    'vaccine_mmr',
    'vaccine_pcv',
    'vaccine_rotavirus_2_dose',
    'vaccine_rotavirus_any',
    'vaccine_vzv'
  )
WHERE
  "e"."status" IN ('completed');

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
  AND "v"."value_set" IN (
    'anaphylactic_reaction_to_dtap_vaccine',
    'anaphylaxis_hepatitis_a_vaccine',
    'anaphylaxis_hepatitis_b_vaccine',
    'anaphylaxis_hib_vaccine',
    'anaphylaxis_influenza_vaccine',
    'anaphylaxis_mmr_vaccine',
    'anaphylaxis_pneumococcal_vaccine',
    'anaphylaxis_polio_vaccine',
    'anaphylaxis_rotavirus_vaccine',
    'anaphylaxis_varicella_vaccine',
    'cis_exclusions',
    'disorders_of_the_immune_system',
    'encephalitis_due_to_dtp_vaccine',
    'hepatitis_a',
    'hepatitis_b',
    'history_hepatitis_a',
    'history_hepatitis_b',
    'history_measles',
    'history_mumps',
    'history_rubella',
    'history_varicella',
    'hiv',
    'intussusception',
    'malignant_neoplasm_of_lymphatic_and_hematopoietic_tissue',
    'measles',
    'mumps',
    'rubella',
    'severe_combined_immunodeficiency',
    'vaccine_anaphylaxis',
    'vaccine_encephalitis',
    'varicella_zoster'
  )
WHERE
  "e"."verification_status" IS NULL
  OR NOT "e"."verification_status" IN ('refuted', 'entered-in-error');

-- cis.combination_3: Combination 3 by the second birthday
WITH "combination_3_units_0" AS (
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
  FROM "combination_3_units_0" AS "u"
), "combination_3_in_scope" AS (
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
), "combination_3_criterion_1" AS (
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
      FROM "combination_3_in_scope" AS "u"
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
), "combination_3_criterion_2" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "combination_3_in_scope" AS "u"
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
), "combination_3_criterion_3" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    "mb"."death_date" AS "evidence_date"
  FROM "combination_3_in_scope" AS "u"
  JOIN "members" AS "mb"
    ON "mb"."member_id" = "u"."member_id"
  WHERE
    "mb"."death_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
), "combination_3_criterion_4" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN (
        'cis_exclusions',
        'severe_combined_immunodeficiency',
        'disorders_of_the_immune_system',
        'hiv',
        'malignant_neoplasm_of_lymphatic_and_hematopoietic_tissue',
        'intussusception'
      )
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN (
        'cis_exclusions',
        'severe_combined_immunodeficiency',
        'disorders_of_the_immune_system',
        'hiv',
        'malignant_neoplasm_of_lymphatic_and_hematopoietic_tissue',
        'intussusception'
      )
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_5" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_dtap')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_dtap')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_6" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_encephalitis', 'encephalitis_due_to_dtp_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_encephalitis', 'encephalitis_due_to_dtp_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_7" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylactic_reaction_to_dtap_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylactic_reaction_to_dtap_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_8" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_ipv')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_ipv')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_9" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_polio_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_polio_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_10" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_mmr')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_mmr')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_11" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_measles', 'measles')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_measles', 'measles')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_12" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_mumps', 'mumps')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_mumps', 'mumps')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_13" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_rubella', 'rubella')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_rubella', 'rubella')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_14" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_mmr_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_mmr_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_15" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hib')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hib')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_16" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hib_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hib_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_17" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hepb')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hepb')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_18" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_hepatitis_b', 'hepatitis_b')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_hepatitis_b', 'hepatitis_b')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_19" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hepatitis_b_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hepatitis_b_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_20" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_vzv')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_vzv')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_21" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_varicella', 'varicella_zoster')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_varicella', 'varicella_zoster')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_22" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_varicella_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_varicella_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_23" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_pcv')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_pcv')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_criterion_24" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_3_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_pneumococcal_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_pneumococcal_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_3_plan" AS (
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
    FROM "combination_3_in_scope" AS "u"
    JOIN "enrollment" AS "e"
      ON "e"."member_id" = "u"."member_id"
      AND "e"."benefit" = 'medical'
      AND "e"."start_date" <= "u"."anchor_date"
  ) AS "ranked"
  WHERE
    "plan_rank" = 1
), "combination_3_mother" AS (
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
), "combination_3_mothers" AS (
  SELECT DISTINCT
    "mother_member_id"
  FROM "dyads"
)
SELECT
  'cis' AS "measure_id",
  'combination_3' AS "rate_id",
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
      NOT "combination_3_criterion_1"."unit_id" IS NULL
    ), FALSE) AS "den_met",
    COALESCE(
      (
        (
          (
            COALESCE("combination_3_criterion_2"."found", 0) >= 1
          )
          OR (
            NOT "combination_3_criterion_3"."unit_id" IS NULL
          )
          OR (
            COALESCE("combination_3_criterion_4"."found", 0) >= 1
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
            (
              COALESCE("combination_3_criterion_5"."found", 0) >= 4
            )
            OR (
              COALESCE("combination_3_criterion_6"."found", 0) >= 1
            )
            OR (
              COALESCE("combination_3_criterion_7"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              COALESCE("combination_3_criterion_8"."found", 0) >= 3
            )
            OR (
              COALESCE("combination_3_criterion_9"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              COALESCE("combination_3_criterion_10"."found", 0) >= 1
            )
            OR (
              (
                COALESCE("combination_3_criterion_11"."found", 0) >= 1
              )
              AND (
                COALESCE("combination_3_criterion_12"."found", 0) >= 1
              )
              AND (
                COALESCE("combination_3_criterion_13"."found", 0) >= 1
              )
            )
            OR (
              COALESCE("combination_3_criterion_14"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              COALESCE("combination_3_criterion_15"."found", 0) >= 3
            )
            OR (
              COALESCE("combination_3_criterion_16"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              COALESCE("combination_3_criterion_17"."found", 0) >= 3
            )
            OR (
              COALESCE("combination_3_criterion_18"."found", 0) >= 1
            )
            OR (
              COALESCE("combination_3_criterion_19"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              COALESCE("combination_3_criterion_20"."found", 0) >= 1
            )
            OR (
              COALESCE("combination_3_criterion_21"."found", 0) >= 1
            )
            OR (
              COALESCE("combination_3_criterion_22"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              COALESCE("combination_3_criterion_23"."found", 0) >= 4
            )
            OR (
              COALESCE("combination_3_criterion_24"."found", 0) >= 1
            )
          )
        )
      ),
      FALSE
    ) AS "num_met",
    FALSE AS "numex_met",
    'not in denominator: continuously enrolled in the 12 months before the second birthday' AS "denominator_failed",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("combination_3_criterion_5"."found", 0) >= 4
            )
            OR (
              COALESCE("combination_3_criterion_6"."found", 0) >= 1
            )
            OR (
              COALESCE("combination_3_criterion_7"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: Combination 3 > 4 DTaP'
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("combination_3_criterion_8"."found", 0) >= 3
            )
            OR (
              COALESCE("combination_3_criterion_9"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: Combination 3 > 3 IPV'
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("combination_3_criterion_10"."found", 0) >= 1
            )
            OR (
              (
                COALESCE("combination_3_criterion_11"."found", 0) >= 1
              )
              AND (
                COALESCE("combination_3_criterion_12"."found", 0) >= 1
              )
              AND (
                COALESCE("combination_3_criterion_13"."found", 0) >= 1
              )
            )
            OR (
              COALESCE("combination_3_criterion_14"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: Combination 3 > 1 MMR'
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("combination_3_criterion_15"."found", 0) >= 3
            )
            OR (
              COALESCE("combination_3_criterion_16"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: Combination 3 > 3 HiB'
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("combination_3_criterion_17"."found", 0) >= 3
            )
            OR (
              COALESCE("combination_3_criterion_18"."found", 0) >= 1
            )
            OR (
              COALESCE("combination_3_criterion_19"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: Combination 3 > 3 HepB'
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("combination_3_criterion_20"."found", 0) >= 1
            )
            OR (
              COALESCE("combination_3_criterion_21"."found", 0) >= 1
            )
            OR (
              COALESCE("combination_3_criterion_22"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: Combination 3 > 1 VZV'
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("combination_3_criterion_23"."found", 0) >= 4
            )
            OR (
              COALESCE("combination_3_criterion_24"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: Combination 3 > 4 PCV'
    END AS "numerator_failed",
    CASE
      WHEN COALESCE((
        COALESCE("combination_3_criterion_2"."found", 0) >= 1
      ), FALSE)
      THEN 'hospice services in the measurement period'
      WHEN COALESCE((
        NOT "combination_3_criterion_3"."unit_id" IS NULL
      ), FALSE)
      THEN 'died in the measurement period'
      WHEN COALESCE((
        COALESCE("combination_3_criterion_4"."found", 0) >= 1
      ), FALSE)
      THEN 'a contraindicating condition by the second birthday'
    END AS "denominator_exclusion_reason",
    CAST(NULL AS TEXT) AS "denominator_exception_reason",
    CAST(NULL AS TEXT) AS "numerator_exclusion_reason",
    GREATEST(
      CASE
        WHEN COALESCE("combination_3_criterion_24"."found", 0) >= 1
        THEN "combination_3_criterion_24"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_23"."found", 0) >= 4
        THEN "combination_3_criterion_23"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_22"."found", 0) >= 1
        THEN "combination_3_criterion_22"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_21"."found", 0) >= 1
        THEN "combination_3_criterion_21"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_20"."found", 0) >= 1
        THEN "combination_3_criterion_20"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_19"."found", 0) >= 1
        THEN "combination_3_criterion_19"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_18"."found", 0) >= 1
        THEN "combination_3_criterion_18"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_17"."found", 0) >= 3
        THEN "combination_3_criterion_17"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_16"."found", 0) >= 1
        THEN "combination_3_criterion_16"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_15"."found", 0) >= 3
        THEN "combination_3_criterion_15"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_14"."found", 0) >= 1
        THEN "combination_3_criterion_14"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_13"."found", 0) >= 1
        THEN "combination_3_criterion_13"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_12"."found", 0) >= 1
        THEN "combination_3_criterion_12"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_11"."found", 0) >= 1
        THEN "combination_3_criterion_11"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_10"."found", 0) >= 1
        THEN "combination_3_criterion_10"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_9"."found", 0) >= 1
        THEN "combination_3_criterion_9"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_8"."found", 0) >= 3
        THEN "combination_3_criterion_8"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_7"."found", 0) >= 1
        THEN "combination_3_criterion_7"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_6"."found", 0) >= 1
        THEN "combination_3_criterion_6"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_3_criterion_5"."found", 0) >= 4
        THEN "combination_3_criterion_5"."evidence_date"
      END
    ) AS "numerator_evidence",
    NULLIF(
      CONCAT_WS(
        '; ',
        CASE
          WHEN COALESCE("combination_3_criterion_5"."found", 0) >= 4
          THEN '4 DTaP: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_5"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_3_criterion_5"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_6"."found", 0) >= 1
          THEN 'encephalitis due to vaccination: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_6"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_3_criterion_6"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_7"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the DTaP vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_7"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_3_criterion_7"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_8"."found", 0) >= 3
          THEN '3 IPV: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_8"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_3_criterion_8"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_9"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the IPV vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_9"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_3_criterion_9"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_10"."found", 0) >= 1
          THEN '1 MMR: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_10"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_3_criterion_10"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_11"."found", 0) >= 1
          THEN 'history of measles, mumps and rubella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_11"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_3_criterion_11"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_12"."found", 0) >= 1
          THEN 'history of measles, mumps and rubella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_12"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_3_criterion_12"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_13"."found", 0) >= 1
          THEN 'history of measles, mumps and rubella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_13"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_3_criterion_13"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_14"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the MMR vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_14"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_3_criterion_14"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_15"."found", 0) >= 3
          THEN '3 HiB: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_15"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_3_criterion_15"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_16"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the HiB vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_16"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_3_criterion_16"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_17"."found", 0) >= 3
          THEN '3 HepB: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_17"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_3_criterion_17"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_18"."found", 0) >= 1
          THEN 'history of hepatitis B: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_18"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_3_criterion_18"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_19"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the HepB vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_19"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_3_criterion_19"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_20"."found", 0) >= 1
          THEN '1 VZV: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_20"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_3_criterion_20"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_21"."found", 0) >= 1
          THEN 'history of varicella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_21"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_3_criterion_21"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_22"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the VZV vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_22"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_3_criterion_22"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_23"."found", 0) >= 4
          THEN '4 PCV: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_23"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_3_criterion_23"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_3_criterion_24"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the PCV vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_3_criterion_24"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_3_criterion_24"."from_conditions" = 1 THEN 'conditions' END
          )
        END
      ),
      ''
    ) AS "numerator_sources",
    NULLIF(
      CONCAT_WS(
        '; ',
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_3_criterion_5"."found", 0) >= 4
                )
                OR (
                  COALESCE("combination_3_criterion_6"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_3_criterion_7"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_5"."found", 0) >= 4
              ), FALSE)
              THEN '4 DTaP: needs ' || CAST(4 - COALESCE("combination_3_criterion_5"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_3_criterion_5"."found", 0) AS TEXT) || ' of 4 found)'
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_6"."found", 0) >= 1
              ), FALSE)
              THEN 'encephalitis due to vaccination: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_7"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to vaccination or to the DTaP vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_3_criterion_8"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_3_criterion_9"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_8"."found", 0) >= 3
              ), FALSE)
              THEN '3 IPV: needs ' || CAST(3 - COALESCE("combination_3_criterion_8"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_3_criterion_8"."found", 0) AS TEXT) || ' of 3 found)'
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_9"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to vaccination or to the IPV vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_3_criterion_10"."found", 0) >= 1
                )
                OR (
                  (
                    COALESCE("combination_3_criterion_11"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("combination_3_criterion_12"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("combination_3_criterion_13"."found", 0) >= 1
                  )
                )
                OR (
                  COALESCE("combination_3_criterion_14"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_10"."found", 0) >= 1
              ), FALSE)
              THEN '1 MMR: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
            WHEN TRUE AND TRUE AND TRUE
            THEN NULLIF(
              CONCAT_WS(
                '; ',
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_3_criterion_11"."found", 0) >= 1
                  ), FALSE)
                  THEN 'record with a code in ''history_measles'' or ''measles'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END,
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_3_criterion_12"."found", 0) >= 1
                  ), FALSE)
                  THEN 'record with a code in ''history_mumps'' or ''mumps'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END,
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_3_criterion_13"."found", 0) >= 1
                  ), FALSE)
                  THEN 'record with a code in ''history_rubella'' or ''rubella'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
              ),
              ''
            )
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_14"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to vaccination or to the MMR vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_3_criterion_15"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_3_criterion_16"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_15"."found", 0) >= 3
              ), FALSE)
              THEN '3 HiB: needs ' || CAST(3 - COALESCE("combination_3_criterion_15"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_3_criterion_15"."found", 0) AS TEXT) || ' of 3 found)'
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_16"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to vaccination or to the HiB vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_3_criterion_17"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_3_criterion_18"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_3_criterion_19"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_17"."found", 0) >= 3
              ), FALSE)
              THEN '3 HepB: needs ' || CAST(3 - COALESCE("combination_3_criterion_17"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_3_criterion_17"."found", 0) AS TEXT) || ' of 3 found)'
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_18"."found", 0) >= 1
              ), FALSE)
              THEN 'history of hepatitis B: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_19"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to vaccination or to the HepB vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_3_criterion_20"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_3_criterion_21"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_3_criterion_22"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_20"."found", 0) >= 1
              ), FALSE)
              THEN '1 VZV: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_21"."found", 0) >= 1
              ), FALSE)
              THEN 'history of varicella: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_22"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to vaccination or to the VZV vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_3_criterion_23"."found", 0) >= 4
                )
                OR (
                  COALESCE("combination_3_criterion_24"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_23"."found", 0) >= 4
              ), FALSE)
              THEN '4 PCV: needs ' || CAST(4 - COALESCE("combination_3_criterion_23"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_3_criterion_23"."found", 0) AS TEXT) || ' of 4 found)'
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_24"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to vaccination or to the PCV vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END
      ),
      ''
    ) AS "numerator_gap",
    LEAST(
      CASE
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_3_criterion_5"."found", 0) >= 4
              )
              OR (
                COALESCE("combination_3_criterion_6"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_3_criterion_7"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_5"."found", 0) >= 4
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_6"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_7"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
        END
      END,
      CASE
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_3_criterion_8"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_3_criterion_9"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_8"."found", 0) >= 3
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_9"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
        END
      END,
      CASE
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_3_criterion_10"."found", 0) >= 1
              )
              OR (
                (
                  COALESCE("combination_3_criterion_11"."found", 0) >= 1
                )
                AND (
                  COALESCE("combination_3_criterion_12"."found", 0) >= 1
                )
                AND (
                  COALESCE("combination_3_criterion_13"."found", 0) >= 1
                )
              )
              OR (
                COALESCE("combination_3_criterion_14"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_10"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE AND TRUE AND TRUE
          THEN LEAST(
            CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_11"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END,
            CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_12"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END,
            CASE
              WHEN NOT COALESCE((
                COALESCE("combination_3_criterion_13"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
          )
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_14"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
        END
      END,
      CASE
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_3_criterion_15"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_3_criterion_16"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_15"."found", 0) >= 3
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_16"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
        END
      END,
      CASE
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_3_criterion_17"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_3_criterion_18"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_3_criterion_19"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_17"."found", 0) >= 3
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_18"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_19"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
        END
      END,
      CASE
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_3_criterion_20"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_3_criterion_21"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_3_criterion_22"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_20"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_21"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_22"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
        END
      END,
      CASE
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_3_criterion_23"."found", 0) >= 4
              )
              OR (
                COALESCE("combination_3_criterion_24"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_23"."found", 0) >= 4
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_3_criterion_24"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
        END
      END
    ) AS "numerator_due"
  FROM "units" AS "u"
  LEFT JOIN "combination_3_criterion_1"
    ON "combination_3_criterion_1"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_2"
    ON "combination_3_criterion_2"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_3"
    ON "combination_3_criterion_3"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_4"
    ON "combination_3_criterion_4"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_5"
    ON "combination_3_criterion_5"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_6"
    ON "combination_3_criterion_6"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_7"
    ON "combination_3_criterion_7"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_8"
    ON "combination_3_criterion_8"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_9"
    ON "combination_3_criterion_9"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_10"
    ON "combination_3_criterion_10"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_11"
    ON "combination_3_criterion_11"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_12"
    ON "combination_3_criterion_12"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_13"
    ON "combination_3_criterion_13"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_14"
    ON "combination_3_criterion_14"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_15"
    ON "combination_3_criterion_15"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_16"
    ON "combination_3_criterion_16"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_17"
    ON "combination_3_criterion_17"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_18"
    ON "combination_3_criterion_18"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_19"
    ON "combination_3_criterion_19"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_20"
    ON "combination_3_criterion_20"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_21"
    ON "combination_3_criterion_21"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_22"
    ON "combination_3_criterion_22"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_23"
    ON "combination_3_criterion_23"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_3_criterion_24"
    ON "combination_3_criterion_24"."unit_id" = "u"."unit_id"
) AS "f"
LEFT JOIN "combination_3_plan" AS "pl"
  ON "pl"."unit_id" = "f"."unit_id"
LEFT JOIN "combination_3_mother" AS "mo"
  ON "mo"."child_member_id" = "f"."member_id"
LEFT JOIN "combination_3_mothers" AS "lc"
  ON "lc"."mother_member_id" = "f"."member_id"
WHERE
  "f"."ip_met";

-- cis.combination_7: Combination 7 (Combination 3, HepA and rotavirus) by the second birthday
WITH "combination_7_units_0" AS (
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
  FROM "combination_7_units_0" AS "u"
), "combination_7_in_scope" AS (
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
), "combination_7_criterion_1" AS (
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
      FROM "combination_7_in_scope" AS "u"
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
), "combination_7_criterion_2" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "combination_7_in_scope" AS "u"
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
), "combination_7_criterion_3" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    "mb"."death_date" AS "evidence_date"
  FROM "combination_7_in_scope" AS "u"
  JOIN "members" AS "mb"
    ON "mb"."member_id" = "u"."member_id"
  WHERE
    "mb"."death_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
), "combination_7_criterion_4" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN (
        'cis_exclusions',
        'severe_combined_immunodeficiency',
        'disorders_of_the_immune_system',
        'hiv',
        'malignant_neoplasm_of_lymphatic_and_hematopoietic_tissue',
        'intussusception'
      )
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN (
        'cis_exclusions',
        'severe_combined_immunodeficiency',
        'disorders_of_the_immune_system',
        'hiv',
        'malignant_neoplasm_of_lymphatic_and_hematopoietic_tissue',
        'intussusception'
      )
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_5" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_dtap')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_dtap')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_6" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_encephalitis', 'encephalitis_due_to_dtp_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_encephalitis', 'encephalitis_due_to_dtp_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_7" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylactic_reaction_to_dtap_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylactic_reaction_to_dtap_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_8" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_ipv')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_ipv')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_9" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_polio_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_polio_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_10" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_mmr')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_mmr')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_11" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_measles', 'measles')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_measles', 'measles')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_12" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_mumps', 'mumps')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_mumps', 'mumps')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_13" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_rubella', 'rubella')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_rubella', 'rubella')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_14" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_mmr_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_mmr_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_15" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hib')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hib')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_16" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hib_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hib_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_17" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hepb')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hepb')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_18" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_hepatitis_b', 'hepatitis_b')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_hepatitis_b', 'hepatitis_b')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_19" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hepatitis_b_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hepatitis_b_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_20" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_vzv')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_vzv')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_21" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_varicella', 'varicella_zoster')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_varicella', 'varicella_zoster')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_22" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_varicella_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_varicella_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_23" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_pcv')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_pcv')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_24" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_pneumococcal_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_pneumococcal_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_25" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hepa')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hepa')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_26" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_hepatitis_a', 'hepatitis_a')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_hepatitis_a', 'hepatitis_a')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_27" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hepatitis_a_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hepatitis_a_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_28" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_rotavirus_2_dose')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_rotavirus_2_dose')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_29" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_rotavirus_any')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_rotavirus_any')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_criterion_30" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_7_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_rotavirus_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_rotavirus_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_7_plan" AS (
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
    FROM "combination_7_in_scope" AS "u"
    JOIN "enrollment" AS "e"
      ON "e"."member_id" = "u"."member_id"
      AND "e"."benefit" = 'medical'
      AND "e"."start_date" <= "u"."anchor_date"
  ) AS "ranked"
  WHERE
    "plan_rank" = 1
), "combination_7_mother" AS (
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
), "combination_7_mothers" AS (
  SELECT DISTINCT
    "mother_member_id"
  FROM "dyads"
)
SELECT
  'cis' AS "measure_id",
  'combination_7' AS "rate_id",
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
      NOT "combination_7_criterion_1"."unit_id" IS NULL
    ), FALSE) AS "den_met",
    COALESCE(
      (
        (
          (
            COALESCE("combination_7_criterion_2"."found", 0) >= 1
          )
          OR (
            NOT "combination_7_criterion_3"."unit_id" IS NULL
          )
          OR (
            COALESCE("combination_7_criterion_4"."found", 0) >= 1
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
            (
              (
                COALESCE("combination_7_criterion_5"."found", 0) >= 4
              )
              OR (
                COALESCE("combination_7_criterion_6"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_7_criterion_7"."found", 0) >= 1
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_7_criterion_8"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_7_criterion_9"."found", 0) >= 1
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_7_criterion_10"."found", 0) >= 1
              )
              OR (
                (
                  COALESCE("combination_7_criterion_11"."found", 0) >= 1
                )
                AND (
                  COALESCE("combination_7_criterion_12"."found", 0) >= 1
                )
                AND (
                  COALESCE("combination_7_criterion_13"."found", 0) >= 1
                )
              )
              OR (
                COALESCE("combination_7_criterion_14"."found", 0) >= 1
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_7_criterion_15"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_7_criterion_16"."found", 0) >= 1
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_7_criterion_17"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_7_criterion_18"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_7_criterion_19"."found", 0) >= 1
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_7_criterion_20"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_7_criterion_21"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_7_criterion_22"."found", 0) >= 1
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_7_criterion_23"."found", 0) >= 4
              )
              OR (
                COALESCE("combination_7_criterion_24"."found", 0) >= 1
              )
            )
          )
        )
        AND (
          (
            (
              COALESCE("combination_7_criterion_25"."found", 0) >= 1
            )
            OR (
              COALESCE("combination_7_criterion_26"."found", 0) >= 1
            )
            OR (
              COALESCE("combination_7_criterion_27"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              COALESCE("combination_7_criterion_28"."found", 0) >= 2
            )
            OR (
              COALESCE("combination_7_criterion_29"."found", 0) >= 3
            )
            OR (
              COALESCE("combination_7_criterion_30"."found", 0) >= 1
            )
          )
        )
      ),
      FALSE
    ) AS "num_met",
    FALSE AS "numex_met",
    'not in denominator: continuously enrolled in the 12 months before the second birthday' AS "denominator_failed",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              (
                COALESCE("combination_7_criterion_5"."found", 0) >= 4
              )
              OR (
                COALESCE("combination_7_criterion_6"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_7_criterion_7"."found", 0) >= 1
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_7_criterion_8"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_7_criterion_9"."found", 0) >= 1
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_7_criterion_10"."found", 0) >= 1
              )
              OR (
                (
                  COALESCE("combination_7_criterion_11"."found", 0) >= 1
                )
                AND (
                  COALESCE("combination_7_criterion_12"."found", 0) >= 1
                )
                AND (
                  COALESCE("combination_7_criterion_13"."found", 0) >= 1
                )
              )
              OR (
                COALESCE("combination_7_criterion_14"."found", 0) >= 1
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_7_criterion_15"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_7_criterion_16"."found", 0) >= 1
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_7_criterion_17"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_7_criterion_18"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_7_criterion_19"."found", 0) >= 1
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_7_criterion_20"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_7_criterion_21"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_7_criterion_22"."found", 0) >= 1
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_7_criterion_23"."found", 0) >= 4
              )
              OR (
                COALESCE("combination_7_criterion_24"."found", 0) >= 1
              )
            )
          )
        ),
        FALSE
      )
      THEN CASE
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_7_criterion_5"."found", 0) >= 4
              )
              OR (
                COALESCE("combination_7_criterion_6"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_7_criterion_7"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN 'numerator not met: Combination 7 > Combination 3 > 4 DTaP'
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_7_criterion_8"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_7_criterion_9"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN 'numerator not met: Combination 7 > Combination 3 > 3 IPV'
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_7_criterion_10"."found", 0) >= 1
              )
              OR (
                (
                  COALESCE("combination_7_criterion_11"."found", 0) >= 1
                )
                AND (
                  COALESCE("combination_7_criterion_12"."found", 0) >= 1
                )
                AND (
                  COALESCE("combination_7_criterion_13"."found", 0) >= 1
                )
              )
              OR (
                COALESCE("combination_7_criterion_14"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN 'numerator not met: Combination 7 > Combination 3 > 1 MMR'
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_7_criterion_15"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_7_criterion_16"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN 'numerator not met: Combination 7 > Combination 3 > 3 HiB'
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_7_criterion_17"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_7_criterion_18"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_7_criterion_19"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN 'numerator not met: Combination 7 > Combination 3 > 3 HepB'
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_7_criterion_20"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_7_criterion_21"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_7_criterion_22"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN 'numerator not met: Combination 7 > Combination 3 > 1 VZV'
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_7_criterion_23"."found", 0) >= 4
              )
              OR (
                COALESCE("combination_7_criterion_24"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN 'numerator not met: Combination 7 > Combination 3 > 4 PCV'
      END
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("combination_7_criterion_25"."found", 0) >= 1
            )
            OR (
              COALESCE("combination_7_criterion_26"."found", 0) >= 1
            )
            OR (
              COALESCE("combination_7_criterion_27"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: Combination 7 > 1 HepA'
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("combination_7_criterion_28"."found", 0) >= 2
            )
            OR (
              COALESCE("combination_7_criterion_29"."found", 0) >= 3
            )
            OR (
              COALESCE("combination_7_criterion_30"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: Combination 7 > 2 or 3 rotavirus'
    END AS "numerator_failed",
    CASE
      WHEN COALESCE((
        COALESCE("combination_7_criterion_2"."found", 0) >= 1
      ), FALSE)
      THEN 'hospice services in the measurement period'
      WHEN COALESCE((
        NOT "combination_7_criterion_3"."unit_id" IS NULL
      ), FALSE)
      THEN 'died in the measurement period'
      WHEN COALESCE((
        COALESCE("combination_7_criterion_4"."found", 0) >= 1
      ), FALSE)
      THEN 'a contraindicating condition by the second birthday'
    END AS "denominator_exclusion_reason",
    CAST(NULL AS TEXT) AS "denominator_exception_reason",
    CAST(NULL AS TEXT) AS "numerator_exclusion_reason",
    GREATEST(
      CASE
        WHEN COALESCE("combination_7_criterion_30"."found", 0) >= 1
        THEN "combination_7_criterion_30"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_29"."found", 0) >= 3
        THEN "combination_7_criterion_29"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_28"."found", 0) >= 2
        THEN "combination_7_criterion_28"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_27"."found", 0) >= 1
        THEN "combination_7_criterion_27"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_26"."found", 0) >= 1
        THEN "combination_7_criterion_26"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_25"."found", 0) >= 1
        THEN "combination_7_criterion_25"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_24"."found", 0) >= 1
        THEN "combination_7_criterion_24"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_23"."found", 0) >= 4
        THEN "combination_7_criterion_23"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_22"."found", 0) >= 1
        THEN "combination_7_criterion_22"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_21"."found", 0) >= 1
        THEN "combination_7_criterion_21"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_20"."found", 0) >= 1
        THEN "combination_7_criterion_20"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_19"."found", 0) >= 1
        THEN "combination_7_criterion_19"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_18"."found", 0) >= 1
        THEN "combination_7_criterion_18"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_17"."found", 0) >= 3
        THEN "combination_7_criterion_17"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_16"."found", 0) >= 1
        THEN "combination_7_criterion_16"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_15"."found", 0) >= 3
        THEN "combination_7_criterion_15"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_14"."found", 0) >= 1
        THEN "combination_7_criterion_14"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_13"."found", 0) >= 1
        THEN "combination_7_criterion_13"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_12"."found", 0) >= 1
        THEN "combination_7_criterion_12"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_11"."found", 0) >= 1
        THEN "combination_7_criterion_11"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_10"."found", 0) >= 1
        THEN "combination_7_criterion_10"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_9"."found", 0) >= 1
        THEN "combination_7_criterion_9"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_8"."found", 0) >= 3
        THEN "combination_7_criterion_8"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_7"."found", 0) >= 1
        THEN "combination_7_criterion_7"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_6"."found", 0) >= 1
        THEN "combination_7_criterion_6"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_7_criterion_5"."found", 0) >= 4
        THEN "combination_7_criterion_5"."evidence_date"
      END
    ) AS "numerator_evidence",
    NULLIF(
      CONCAT_WS(
        '; ',
        CASE
          WHEN COALESCE("combination_7_criterion_5"."found", 0) >= 4
          THEN '4 DTaP: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_5"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_7_criterion_5"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_6"."found", 0) >= 1
          THEN 'encephalitis due to vaccination: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_6"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_6"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_7"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the DTaP vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_7"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_7"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_8"."found", 0) >= 3
          THEN '3 IPV: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_8"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_7_criterion_8"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_9"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the IPV vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_9"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_9"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_10"."found", 0) >= 1
          THEN '1 MMR: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_10"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_7_criterion_10"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_11"."found", 0) >= 1
          THEN 'history of measles, mumps and rubella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_11"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_11"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_12"."found", 0) >= 1
          THEN 'history of measles, mumps and rubella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_12"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_12"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_13"."found", 0) >= 1
          THEN 'history of measles, mumps and rubella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_13"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_13"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_14"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the MMR vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_14"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_14"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_15"."found", 0) >= 3
          THEN '3 HiB: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_15"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_7_criterion_15"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_16"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the HiB vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_16"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_16"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_17"."found", 0) >= 3
          THEN '3 HepB: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_17"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_7_criterion_17"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_18"."found", 0) >= 1
          THEN 'history of hepatitis B: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_18"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_18"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_19"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the HepB vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_19"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_19"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_20"."found", 0) >= 1
          THEN '1 VZV: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_20"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_7_criterion_20"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_21"."found", 0) >= 1
          THEN 'history of varicella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_21"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_21"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_22"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the VZV vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_22"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_22"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_23"."found", 0) >= 4
          THEN '4 PCV: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_23"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_7_criterion_23"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_24"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the PCV vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_24"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_24"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_25"."found", 0) >= 1
          THEN '1 HepA: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_25"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_7_criterion_25"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_26"."found", 0) >= 1
          THEN 'history of hepatitis A: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_26"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_26"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_27"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the HepA vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_27"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_27"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_28"."found", 0) >= 2
          THEN '2 doses of the two-dose vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_28"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_7_criterion_28"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_29"."found", 0) >= 3
          THEN '3 doses of any rotavirus vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_29"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_7_criterion_29"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_7_criterion_30"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the rotavirus vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_7_criterion_30"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_7_criterion_30"."from_conditions" = 1 THEN 'conditions' END
          )
        END
      ),
      ''
    ) AS "numerator_sources",
    NULLIF(
      CONCAT_WS(
        '; ',
        NULLIF(
          CONCAT_WS(
            '; ',
            CASE
              WHEN NOT COALESCE(
                (
                  (
                    (
                      COALESCE("combination_7_criterion_5"."found", 0) >= 4
                    )
                    OR (
                      COALESCE("combination_7_criterion_6"."found", 0) >= 1
                    )
                    OR (
                      COALESCE("combination_7_criterion_7"."found", 0) >= 1
                    )
                  )
                ),
                FALSE
              )
              THEN CASE
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_5"."found", 0) >= 4
                  ), FALSE)
                  THEN '4 DTaP: needs ' || CAST(4 - COALESCE("combination_7_criterion_5"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_7_criterion_5"."found", 0) AS TEXT) || ' of 4 found)'
                END
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_6"."found", 0) >= 1
                  ), FALSE)
                  THEN 'encephalitis due to vaccination: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_7"."found", 0) >= 1
                  ), FALSE)
                  THEN 'anaphylaxis due to vaccination or to the DTaP vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
              END
            END,
            CASE
              WHEN NOT COALESCE(
                (
                  (
                    (
                      COALESCE("combination_7_criterion_8"."found", 0) >= 3
                    )
                    OR (
                      COALESCE("combination_7_criterion_9"."found", 0) >= 1
                    )
                  )
                ),
                FALSE
              )
              THEN CASE
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_8"."found", 0) >= 3
                  ), FALSE)
                  THEN '3 IPV: needs ' || CAST(3 - COALESCE("combination_7_criterion_8"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_7_criterion_8"."found", 0) AS TEXT) || ' of 3 found)'
                END
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_9"."found", 0) >= 1
                  ), FALSE)
                  THEN 'anaphylaxis due to vaccination or to the IPV vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
              END
            END,
            CASE
              WHEN NOT COALESCE(
                (
                  (
                    (
                      COALESCE("combination_7_criterion_10"."found", 0) >= 1
                    )
                    OR (
                      (
                        COALESCE("combination_7_criterion_11"."found", 0) >= 1
                      )
                      AND (
                        COALESCE("combination_7_criterion_12"."found", 0) >= 1
                      )
                      AND (
                        COALESCE("combination_7_criterion_13"."found", 0) >= 1
                      )
                    )
                    OR (
                      COALESCE("combination_7_criterion_14"."found", 0) >= 1
                    )
                  )
                ),
                FALSE
              )
              THEN CASE
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_10"."found", 0) >= 1
                  ), FALSE)
                  THEN '1 MMR: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
                WHEN TRUE AND TRUE AND TRUE
                THEN NULLIF(
                  CONCAT_WS(
                    '; ',
                    CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_7_criterion_11"."found", 0) >= 1
                      ), FALSE)
                      THEN 'record with a code in ''history_measles'' or ''measles'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END,
                    CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_7_criterion_12"."found", 0) >= 1
                      ), FALSE)
                      THEN 'record with a code in ''history_mumps'' or ''mumps'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END,
                    CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_7_criterion_13"."found", 0) >= 1
                      ), FALSE)
                      THEN 'record with a code in ''history_rubella'' or ''rubella'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END
                  ),
                  ''
                )
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_14"."found", 0) >= 1
                  ), FALSE)
                  THEN 'anaphylaxis due to vaccination or to the MMR vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
              END
            END,
            CASE
              WHEN NOT COALESCE(
                (
                  (
                    (
                      COALESCE("combination_7_criterion_15"."found", 0) >= 3
                    )
                    OR (
                      COALESCE("combination_7_criterion_16"."found", 0) >= 1
                    )
                  )
                ),
                FALSE
              )
              THEN CASE
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_15"."found", 0) >= 3
                  ), FALSE)
                  THEN '3 HiB: needs ' || CAST(3 - COALESCE("combination_7_criterion_15"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_7_criterion_15"."found", 0) AS TEXT) || ' of 3 found)'
                END
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_16"."found", 0) >= 1
                  ), FALSE)
                  THEN 'anaphylaxis due to vaccination or to the HiB vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
              END
            END,
            CASE
              WHEN NOT COALESCE(
                (
                  (
                    (
                      COALESCE("combination_7_criterion_17"."found", 0) >= 3
                    )
                    OR (
                      COALESCE("combination_7_criterion_18"."found", 0) >= 1
                    )
                    OR (
                      COALESCE("combination_7_criterion_19"."found", 0) >= 1
                    )
                  )
                ),
                FALSE
              )
              THEN CASE
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_17"."found", 0) >= 3
                  ), FALSE)
                  THEN '3 HepB: needs ' || CAST(3 - COALESCE("combination_7_criterion_17"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_7_criterion_17"."found", 0) AS TEXT) || ' of 3 found)'
                END
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_18"."found", 0) >= 1
                  ), FALSE)
                  THEN 'history of hepatitis B: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_19"."found", 0) >= 1
                  ), FALSE)
                  THEN 'anaphylaxis due to vaccination or to the HepB vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
              END
            END,
            CASE
              WHEN NOT COALESCE(
                (
                  (
                    (
                      COALESCE("combination_7_criterion_20"."found", 0) >= 1
                    )
                    OR (
                      COALESCE("combination_7_criterion_21"."found", 0) >= 1
                    )
                    OR (
                      COALESCE("combination_7_criterion_22"."found", 0) >= 1
                    )
                  )
                ),
                FALSE
              )
              THEN CASE
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_20"."found", 0) >= 1
                  ), FALSE)
                  THEN '1 VZV: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_21"."found", 0) >= 1
                  ), FALSE)
                  THEN 'history of varicella: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_22"."found", 0) >= 1
                  ), FALSE)
                  THEN 'anaphylaxis due to vaccination or to the VZV vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
              END
            END,
            CASE
              WHEN NOT COALESCE(
                (
                  (
                    (
                      COALESCE("combination_7_criterion_23"."found", 0) >= 4
                    )
                    OR (
                      COALESCE("combination_7_criterion_24"."found", 0) >= 1
                    )
                  )
                ),
                FALSE
              )
              THEN CASE
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_23"."found", 0) >= 4
                  ), FALSE)
                  THEN '4 PCV: needs ' || CAST(4 - COALESCE("combination_7_criterion_23"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_7_criterion_23"."found", 0) AS TEXT) || ' of 4 found)'
                END
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_7_criterion_24"."found", 0) >= 1
                  ), FALSE)
                  THEN 'anaphylaxis due to vaccination or to the PCV vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
              END
            END
          ),
          ''
        ),
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_7_criterion_25"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_7_criterion_26"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_7_criterion_27"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_25"."found", 0) >= 1
              ), FALSE)
              THEN '1 HepA: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_26"."found", 0) >= 1
              ), FALSE)
              THEN 'history of hepatitis A: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_27"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to vaccination or to the HepA vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_7_criterion_28"."found", 0) >= 2
                )
                OR (
                  COALESCE("combination_7_criterion_29"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_7_criterion_30"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_28"."found", 0) >= 2
              ), FALSE)
              THEN '2 doses of the two-dose vaccine: needs ' || CAST(2 - COALESCE("combination_7_criterion_28"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_7_criterion_28"."found", 0) AS TEXT) || ' of 2 found)'
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_29"."found", 0) >= 3
              ), FALSE)
              THEN '3 doses of any rotavirus vaccine: needs ' || CAST(3 - COALESCE("combination_7_criterion_29"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_7_criterion_29"."found", 0) AS TEXT) || ' of 3 found)'
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_30"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to vaccination or to the rotavirus vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END
      ),
      ''
    ) AS "numerator_gap",
    LEAST(
      LEAST(
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_7_criterion_5"."found", 0) >= 4
                )
                OR (
                  COALESCE("combination_7_criterion_6"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_7_criterion_7"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_5"."found", 0) >= 4
              ), FALSE)
              THEN "u"."anchor_date"
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_6"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_7"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_7_criterion_8"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_7_criterion_9"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_8"."found", 0) >= 3
              ), FALSE)
              THEN "u"."anchor_date"
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_9"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_7_criterion_10"."found", 0) >= 1
                )
                OR (
                  (
                    COALESCE("combination_7_criterion_11"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("combination_7_criterion_12"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("combination_7_criterion_13"."found", 0) >= 1
                  )
                )
                OR (
                  COALESCE("combination_7_criterion_14"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_10"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
            WHEN TRUE AND TRUE AND TRUE
            THEN LEAST(
              CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_7_criterion_11"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END,
              CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_7_criterion_12"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END,
              CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_7_criterion_13"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END
            )
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_14"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_7_criterion_15"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_7_criterion_16"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_15"."found", 0) >= 3
              ), FALSE)
              THEN "u"."anchor_date"
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_16"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_7_criterion_17"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_7_criterion_18"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_7_criterion_19"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_17"."found", 0) >= 3
              ), FALSE)
              THEN "u"."anchor_date"
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_18"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_19"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_7_criterion_20"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_7_criterion_21"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_7_criterion_22"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_20"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_21"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_22"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_7_criterion_23"."found", 0) >= 4
                )
                OR (
                  COALESCE("combination_7_criterion_24"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_23"."found", 0) >= 4
              ), FALSE)
              THEN "u"."anchor_date"
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_7_criterion_24"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
          END
        END
      ),
      CASE
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_7_criterion_25"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_7_criterion_26"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_7_criterion_27"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_7_criterion_25"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_7_criterion_26"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_7_criterion_27"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
        END
      END,
      CASE
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_7_criterion_28"."found", 0) >= 2
              )
              OR (
                COALESCE("combination_7_criterion_29"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_7_criterion_30"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_7_criterion_28"."found", 0) >= 2
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_7_criterion_29"."found", 0) >= 3
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_7_criterion_30"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
        END
      END
    ) AS "numerator_due"
  FROM "units" AS "u"
  LEFT JOIN "combination_7_criterion_1"
    ON "combination_7_criterion_1"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_2"
    ON "combination_7_criterion_2"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_3"
    ON "combination_7_criterion_3"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_4"
    ON "combination_7_criterion_4"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_5"
    ON "combination_7_criterion_5"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_6"
    ON "combination_7_criterion_6"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_7"
    ON "combination_7_criterion_7"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_8"
    ON "combination_7_criterion_8"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_9"
    ON "combination_7_criterion_9"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_10"
    ON "combination_7_criterion_10"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_11"
    ON "combination_7_criterion_11"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_12"
    ON "combination_7_criterion_12"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_13"
    ON "combination_7_criterion_13"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_14"
    ON "combination_7_criterion_14"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_15"
    ON "combination_7_criterion_15"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_16"
    ON "combination_7_criterion_16"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_17"
    ON "combination_7_criterion_17"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_18"
    ON "combination_7_criterion_18"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_19"
    ON "combination_7_criterion_19"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_20"
    ON "combination_7_criterion_20"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_21"
    ON "combination_7_criterion_21"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_22"
    ON "combination_7_criterion_22"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_23"
    ON "combination_7_criterion_23"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_24"
    ON "combination_7_criterion_24"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_25"
    ON "combination_7_criterion_25"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_26"
    ON "combination_7_criterion_26"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_27"
    ON "combination_7_criterion_27"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_28"
    ON "combination_7_criterion_28"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_29"
    ON "combination_7_criterion_29"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_7_criterion_30"
    ON "combination_7_criterion_30"."unit_id" = "u"."unit_id"
) AS "f"
LEFT JOIN "combination_7_plan" AS "pl"
  ON "pl"."unit_id" = "f"."unit_id"
LEFT JOIN "combination_7_mother" AS "mo"
  ON "mo"."child_member_id" = "f"."member_id"
LEFT JOIN "combination_7_mothers" AS "lc"
  ON "lc"."mother_member_id" = "f"."member_id"
WHERE
  "f"."ip_met";

-- cis.combination_10: Combination 10 (Combination 7 and influenza) by the second birthday
WITH "combination_10_units_0" AS (
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
  FROM "combination_10_units_0" AS "u"
), "combination_10_in_scope" AS (
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
), "combination_10_criterion_1" AS (
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
      FROM "combination_10_in_scope" AS "u"
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
), "combination_10_criterion_2" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "combination_10_in_scope" AS "u"
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
), "combination_10_criterion_3" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    "mb"."death_date" AS "evidence_date"
  FROM "combination_10_in_scope" AS "u"
  JOIN "members" AS "mb"
    ON "mb"."member_id" = "u"."member_id"
  WHERE
    "mb"."death_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
), "combination_10_criterion_4" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN (
        'cis_exclusions',
        'severe_combined_immunodeficiency',
        'disorders_of_the_immune_system',
        'hiv',
        'malignant_neoplasm_of_lymphatic_and_hematopoietic_tissue',
        'intussusception'
      )
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN (
        'cis_exclusions',
        'severe_combined_immunodeficiency',
        'disorders_of_the_immune_system',
        'hiv',
        'malignant_neoplasm_of_lymphatic_and_hematopoietic_tissue',
        'intussusception'
      )
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_5" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_dtap')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_dtap')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_6" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_encephalitis', 'encephalitis_due_to_dtp_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_encephalitis', 'encephalitis_due_to_dtp_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_7" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylactic_reaction_to_dtap_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylactic_reaction_to_dtap_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_8" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_ipv')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_ipv')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_9" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_polio_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_polio_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_10" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_mmr')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_mmr')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_11" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_measles', 'measles')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_measles', 'measles')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_12" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_mumps', 'mumps')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_mumps', 'mumps')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_13" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_rubella', 'rubella')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_rubella', 'rubella')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_14" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_mmr_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_mmr_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_15" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hib')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hib')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_16" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hib_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hib_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_17" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hepb')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hepb')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_18" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_hepatitis_b', 'hepatitis_b')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_hepatitis_b', 'hepatitis_b')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_19" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hepatitis_b_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hepatitis_b_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_20" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_vzv')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_vzv')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_21" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_varicella', 'varicella_zoster')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_varicella', 'varicella_zoster')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_22" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_varicella_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_varicella_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_23" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_pcv')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_pcv')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_24" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_pneumococcal_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_pneumococcal_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_25" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hepa')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_hepa')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_26" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_hepatitis_a', 'hepatitis_a')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('history_hepatitis_a', 'hepatitis_a')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_27" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hepatitis_a_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_hepatitis_a_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_28" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_rotavirus_2_dose')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_rotavirus_2_dose')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_29" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_rotavirus_any')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_rotavirus_any')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_30" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_rotavirus_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_rotavirus_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_31" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_influenza')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_influenza')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 180 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_32" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_influenza')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_influenza')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 180 DAY AS DATE) AND CAST("u"."anchor_date" + INTERVAL (-1) DAY AS DATE)
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_33" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_influenza_laiv')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_influenza_laiv')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."anchor_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_34" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_influenza', 'vaccine_influenza_laiv')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'procedure'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_influenza', 'vaccine_influenza_laiv')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."anchor_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_criterion_35" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'claims' THEN 1 ELSE 0 END) AS "from_claims",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "combination_10_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'claims' AS "source"
    FROM "claim_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_influenza_vaccine')
      AND "c"."claim_status" IN ('paid', 'adjusted')
      AND "c"."code_role" = 'diagnosis'
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('vaccine_anaphylaxis', 'anaphylaxis_influenza_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "combination_10_plan" AS (
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
    FROM "combination_10_in_scope" AS "u"
    JOIN "enrollment" AS "e"
      ON "e"."member_id" = "u"."member_id"
      AND "e"."benefit" = 'medical'
      AND "e"."start_date" <= "u"."anchor_date"
  ) AS "ranked"
  WHERE
    "plan_rank" = 1
), "combination_10_mother" AS (
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
), "combination_10_mothers" AS (
  SELECT DISTINCT
    "mother_member_id"
  FROM "dyads"
)
SELECT
  'cis' AS "measure_id",
  'combination_10' AS "rate_id",
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
      NOT "combination_10_criterion_1"."unit_id" IS NULL
    ), FALSE) AS "den_met",
    COALESCE(
      (
        (
          (
            COALESCE("combination_10_criterion_2"."found", 0) >= 1
          )
          OR (
            NOT "combination_10_criterion_3"."unit_id" IS NULL
          )
          OR (
            COALESCE("combination_10_criterion_4"."found", 0) >= 1
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
            (
              (
                (
                  COALESCE("combination_10_criterion_5"."found", 0) >= 4
                )
                OR (
                  COALESCE("combination_10_criterion_6"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_7"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_8"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_10_criterion_9"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_10"."found", 0) >= 1
                )
                OR (
                  (
                    COALESCE("combination_10_criterion_11"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("combination_10_criterion_12"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("combination_10_criterion_13"."found", 0) >= 1
                  )
                )
                OR (
                  COALESCE("combination_10_criterion_14"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_15"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_10_criterion_16"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_17"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_10_criterion_18"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_19"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_20"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_21"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_22"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_23"."found", 0) >= 4
                )
                OR (
                  COALESCE("combination_10_criterion_24"."found", 0) >= 1
                )
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_10_criterion_25"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_10_criterion_26"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_10_criterion_27"."found", 0) >= 1
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_10_criterion_28"."found", 0) >= 2
              )
              OR (
                COALESCE("combination_10_criterion_29"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_10_criterion_30"."found", 0) >= 1
              )
            )
          )
        )
        AND (
          (
            (
              COALESCE("combination_10_criterion_31"."found", 0) >= 2
            )
            OR (
              (
                COALESCE("combination_10_criterion_32"."found", 0) >= 1
              )
              AND (
                COALESCE("combination_10_criterion_33"."found", 0) >= 1
              )
            )
            OR (
              COALESCE("combination_10_criterion_34"."found", 0) >= 2
            )
            OR (
              COALESCE("combination_10_criterion_35"."found", 0) >= 1
            )
          )
        )
      ),
      FALSE
    ) AS "num_met",
    FALSE AS "numex_met",
    'not in denominator: continuously enrolled in the 12 months before the second birthday' AS "denominator_failed",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              (
                (
                  COALESCE("combination_10_criterion_5"."found", 0) >= 4
                )
                OR (
                  COALESCE("combination_10_criterion_6"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_7"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_8"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_10_criterion_9"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_10"."found", 0) >= 1
                )
                OR (
                  (
                    COALESCE("combination_10_criterion_11"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("combination_10_criterion_12"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("combination_10_criterion_13"."found", 0) >= 1
                  )
                )
                OR (
                  COALESCE("combination_10_criterion_14"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_15"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_10_criterion_16"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_17"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_10_criterion_18"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_19"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_20"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_21"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_22"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_23"."found", 0) >= 4
                )
                OR (
                  COALESCE("combination_10_criterion_24"."found", 0) >= 1
                )
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_10_criterion_25"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_10_criterion_26"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_10_criterion_27"."found", 0) >= 1
              )
            )
          )
          AND (
            (
              (
                COALESCE("combination_10_criterion_28"."found", 0) >= 2
              )
              OR (
                COALESCE("combination_10_criterion_29"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_10_criterion_30"."found", 0) >= 1
              )
            )
          )
        ),
        FALSE
      )
      THEN CASE
        WHEN NOT COALESCE(
          (
            (
              (
                (
                  COALESCE("combination_10_criterion_5"."found", 0) >= 4
                )
                OR (
                  COALESCE("combination_10_criterion_6"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_7"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_8"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_10_criterion_9"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_10"."found", 0) >= 1
                )
                OR (
                  (
                    COALESCE("combination_10_criterion_11"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("combination_10_criterion_12"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("combination_10_criterion_13"."found", 0) >= 1
                  )
                )
                OR (
                  COALESCE("combination_10_criterion_14"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_15"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_10_criterion_16"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_17"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_10_criterion_18"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_19"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_20"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_21"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_22"."found", 0) >= 1
                )
              )
            )
            AND (
              (
                (
                  COALESCE("combination_10_criterion_23"."found", 0) >= 4
                )
                OR (
                  COALESCE("combination_10_criterion_24"."found", 0) >= 1
                )
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_10_criterion_5"."found", 0) >= 4
                )
                OR (
                  COALESCE("combination_10_criterion_6"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_7"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN 'numerator not met: Combination 10 > Combination 7 > Combination 3 > 4 DTaP'
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_10_criterion_8"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_10_criterion_9"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN 'numerator not met: Combination 10 > Combination 7 > Combination 3 > 3 IPV'
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_10_criterion_10"."found", 0) >= 1
                )
                OR (
                  (
                    COALESCE("combination_10_criterion_11"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("combination_10_criterion_12"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("combination_10_criterion_13"."found", 0) >= 1
                  )
                )
                OR (
                  COALESCE("combination_10_criterion_14"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN 'numerator not met: Combination 10 > Combination 7 > Combination 3 > 1 MMR'
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_10_criterion_15"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_10_criterion_16"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN 'numerator not met: Combination 10 > Combination 7 > Combination 3 > 3 HiB'
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_10_criterion_17"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_10_criterion_18"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_19"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN 'numerator not met: Combination 10 > Combination 7 > Combination 3 > 3 HepB'
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_10_criterion_20"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_21"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_22"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN 'numerator not met: Combination 10 > Combination 7 > Combination 3 > 1 VZV'
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_10_criterion_23"."found", 0) >= 4
                )
                OR (
                  COALESCE("combination_10_criterion_24"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN 'numerator not met: Combination 10 > Combination 7 > Combination 3 > 4 PCV'
        END
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_10_criterion_25"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_10_criterion_26"."found", 0) >= 1
              )
              OR (
                COALESCE("combination_10_criterion_27"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN 'numerator not met: Combination 10 > Combination 7 > 1 HepA'
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_10_criterion_28"."found", 0) >= 2
              )
              OR (
                COALESCE("combination_10_criterion_29"."found", 0) >= 3
              )
              OR (
                COALESCE("combination_10_criterion_30"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN 'numerator not met: Combination 10 > Combination 7 > 2 or 3 rotavirus'
      END
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("combination_10_criterion_31"."found", 0) >= 2
            )
            OR (
              (
                COALESCE("combination_10_criterion_32"."found", 0) >= 1
              )
              AND (
                COALESCE("combination_10_criterion_33"."found", 0) >= 1
              )
            )
            OR (
              COALESCE("combination_10_criterion_34"."found", 0) >= 2
            )
            OR (
              COALESCE("combination_10_criterion_35"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: Combination 10 > 2 influenza'
    END AS "numerator_failed",
    CASE
      WHEN COALESCE((
        COALESCE("combination_10_criterion_2"."found", 0) >= 1
      ), FALSE)
      THEN 'hospice services in the measurement period'
      WHEN COALESCE((
        NOT "combination_10_criterion_3"."unit_id" IS NULL
      ), FALSE)
      THEN 'died in the measurement period'
      WHEN COALESCE((
        COALESCE("combination_10_criterion_4"."found", 0) >= 1
      ), FALSE)
      THEN 'a contraindicating condition by the second birthday'
    END AS "denominator_exclusion_reason",
    CAST(NULL AS TEXT) AS "denominator_exception_reason",
    CAST(NULL AS TEXT) AS "numerator_exclusion_reason",
    GREATEST(
      CASE
        WHEN COALESCE("combination_10_criterion_35"."found", 0) >= 1
        THEN "combination_10_criterion_35"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_34"."found", 0) >= 2
        THEN "combination_10_criterion_34"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_33"."found", 0) >= 1
        THEN "combination_10_criterion_33"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_32"."found", 0) >= 1
        THEN "combination_10_criterion_32"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_31"."found", 0) >= 2
        THEN "combination_10_criterion_31"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_30"."found", 0) >= 1
        THEN "combination_10_criterion_30"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_29"."found", 0) >= 3
        THEN "combination_10_criterion_29"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_28"."found", 0) >= 2
        THEN "combination_10_criterion_28"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_27"."found", 0) >= 1
        THEN "combination_10_criterion_27"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_26"."found", 0) >= 1
        THEN "combination_10_criterion_26"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_25"."found", 0) >= 1
        THEN "combination_10_criterion_25"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_24"."found", 0) >= 1
        THEN "combination_10_criterion_24"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_23"."found", 0) >= 4
        THEN "combination_10_criterion_23"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_22"."found", 0) >= 1
        THEN "combination_10_criterion_22"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_21"."found", 0) >= 1
        THEN "combination_10_criterion_21"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_20"."found", 0) >= 1
        THEN "combination_10_criterion_20"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_19"."found", 0) >= 1
        THEN "combination_10_criterion_19"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_18"."found", 0) >= 1
        THEN "combination_10_criterion_18"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_17"."found", 0) >= 3
        THEN "combination_10_criterion_17"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_16"."found", 0) >= 1
        THEN "combination_10_criterion_16"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_15"."found", 0) >= 3
        THEN "combination_10_criterion_15"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_14"."found", 0) >= 1
        THEN "combination_10_criterion_14"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_13"."found", 0) >= 1
        THEN "combination_10_criterion_13"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_12"."found", 0) >= 1
        THEN "combination_10_criterion_12"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_11"."found", 0) >= 1
        THEN "combination_10_criterion_11"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_10"."found", 0) >= 1
        THEN "combination_10_criterion_10"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_9"."found", 0) >= 1
        THEN "combination_10_criterion_9"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_8"."found", 0) >= 3
        THEN "combination_10_criterion_8"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_7"."found", 0) >= 1
        THEN "combination_10_criterion_7"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_6"."found", 0) >= 1
        THEN "combination_10_criterion_6"."evidence_date"
      END,
      CASE
        WHEN COALESCE("combination_10_criterion_5"."found", 0) >= 4
        THEN "combination_10_criterion_5"."evidence_date"
      END
    ) AS "numerator_evidence",
    NULLIF(
      CONCAT_WS(
        '; ',
        CASE
          WHEN COALESCE("combination_10_criterion_5"."found", 0) >= 4
          THEN '4 DTaP: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_5"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_10_criterion_5"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_6"."found", 0) >= 1
          THEN 'encephalitis due to vaccination: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_6"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_6"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_7"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the DTaP vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_7"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_7"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_8"."found", 0) >= 3
          THEN '3 IPV: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_8"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_10_criterion_8"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_9"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the IPV vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_9"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_9"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_10"."found", 0) >= 1
          THEN '1 MMR: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_10"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_10_criterion_10"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_11"."found", 0) >= 1
          THEN 'history of measles, mumps and rubella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_11"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_11"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_12"."found", 0) >= 1
          THEN 'history of measles, mumps and rubella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_12"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_12"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_13"."found", 0) >= 1
          THEN 'history of measles, mumps and rubella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_13"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_13"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_14"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the MMR vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_14"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_14"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_15"."found", 0) >= 3
          THEN '3 HiB: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_15"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_10_criterion_15"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_16"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the HiB vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_16"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_16"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_17"."found", 0) >= 3
          THEN '3 HepB: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_17"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_10_criterion_17"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_18"."found", 0) >= 1
          THEN 'history of hepatitis B: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_18"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_18"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_19"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the HepB vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_19"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_19"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_20"."found", 0) >= 1
          THEN '1 VZV: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_20"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_10_criterion_20"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_21"."found", 0) >= 1
          THEN 'history of varicella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_21"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_21"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_22"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the VZV vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_22"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_22"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_23"."found", 0) >= 4
          THEN '4 PCV: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_23"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_10_criterion_23"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_24"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the PCV vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_24"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_24"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_25"."found", 0) >= 1
          THEN '1 HepA: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_25"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_10_criterion_25"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_26"."found", 0) >= 1
          THEN 'history of hepatitis A: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_26"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_26"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_27"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the HepA vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_27"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_27"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_28"."found", 0) >= 2
          THEN '2 doses of the two-dose vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_28"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_10_criterion_28"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_29"."found", 0) >= 3
          THEN '3 doses of any rotavirus vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_29"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_10_criterion_29"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_30"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the rotavirus vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_30"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_30"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_31"."found", 0) >= 2
          THEN '2 inactivated influenza doses: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_31"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_10_criterion_31"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_32"."found", 0) >= 1
          THEN '1 inactivated dose before the second birthday: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_32"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_10_criterion_32"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_33"."found", 0) >= 1
          THEN 'an LAIV dose: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_33"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_10_criterion_33"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_34"."found", 0) >= 2
          THEN '2 influenza doses of either kind: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_34"."from_claims" = 1 THEN 'claims' END,
            CASE
              WHEN "combination_10_criterion_34"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("combination_10_criterion_35"."found", 0) >= 1
          THEN 'anaphylaxis due to vaccination or to the influenza vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "combination_10_criterion_35"."from_claims" = 1 THEN 'claims' END,
            CASE WHEN "combination_10_criterion_35"."from_conditions" = 1 THEN 'conditions' END
          )
        END
      ),
      ''
    ) AS "numerator_sources",
    NULLIF(
      CONCAT_WS(
        '; ',
        NULLIF(
          CONCAT_WS(
            '; ',
            NULLIF(
              CONCAT_WS(
                '; ',
                CASE
                  WHEN NOT COALESCE(
                    (
                      (
                        (
                          COALESCE("combination_10_criterion_5"."found", 0) >= 4
                        )
                        OR (
                          COALESCE("combination_10_criterion_6"."found", 0) >= 1
                        )
                        OR (
                          COALESCE("combination_10_criterion_7"."found", 0) >= 1
                        )
                      )
                    ),
                    FALSE
                  )
                  THEN CASE
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_5"."found", 0) >= 4
                      ), FALSE)
                      THEN '4 DTaP: needs ' || CAST(4 - COALESCE("combination_10_criterion_5"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_10_criterion_5"."found", 0) AS TEXT) || ' of 4 found)'
                    END
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_6"."found", 0) >= 1
                      ), FALSE)
                      THEN 'encephalitis due to vaccination: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_7"."found", 0) >= 1
                      ), FALSE)
                      THEN 'anaphylaxis due to vaccination or to the DTaP vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END
                  END
                END,
                CASE
                  WHEN NOT COALESCE(
                    (
                      (
                        (
                          COALESCE("combination_10_criterion_8"."found", 0) >= 3
                        )
                        OR (
                          COALESCE("combination_10_criterion_9"."found", 0) >= 1
                        )
                      )
                    ),
                    FALSE
                  )
                  THEN CASE
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_8"."found", 0) >= 3
                      ), FALSE)
                      THEN '3 IPV: needs ' || CAST(3 - COALESCE("combination_10_criterion_8"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_10_criterion_8"."found", 0) AS TEXT) || ' of 3 found)'
                    END
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_9"."found", 0) >= 1
                      ), FALSE)
                      THEN 'anaphylaxis due to vaccination or to the IPV vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END
                  END
                END,
                CASE
                  WHEN NOT COALESCE(
                    (
                      (
                        (
                          COALESCE("combination_10_criterion_10"."found", 0) >= 1
                        )
                        OR (
                          (
                            COALESCE("combination_10_criterion_11"."found", 0) >= 1
                          )
                          AND (
                            COALESCE("combination_10_criterion_12"."found", 0) >= 1
                          )
                          AND (
                            COALESCE("combination_10_criterion_13"."found", 0) >= 1
                          )
                        )
                        OR (
                          COALESCE("combination_10_criterion_14"."found", 0) >= 1
                        )
                      )
                    ),
                    FALSE
                  )
                  THEN CASE
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_10"."found", 0) >= 1
                      ), FALSE)
                      THEN '1 MMR: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END
                    WHEN TRUE AND TRUE AND TRUE
                    THEN NULLIF(
                      CONCAT_WS(
                        '; ',
                        CASE
                          WHEN NOT COALESCE((
                            COALESCE("combination_10_criterion_11"."found", 0) >= 1
                          ), FALSE)
                          THEN 'record with a code in ''history_measles'' or ''measles'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                        END,
                        CASE
                          WHEN NOT COALESCE((
                            COALESCE("combination_10_criterion_12"."found", 0) >= 1
                          ), FALSE)
                          THEN 'record with a code in ''history_mumps'' or ''mumps'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                        END,
                        CASE
                          WHEN NOT COALESCE((
                            COALESCE("combination_10_criterion_13"."found", 0) >= 1
                          ), FALSE)
                          THEN 'record with a code in ''history_rubella'' or ''rubella'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                        END
                      ),
                      ''
                    )
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_14"."found", 0) >= 1
                      ), FALSE)
                      THEN 'anaphylaxis due to vaccination or to the MMR vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END
                  END
                END,
                CASE
                  WHEN NOT COALESCE(
                    (
                      (
                        (
                          COALESCE("combination_10_criterion_15"."found", 0) >= 3
                        )
                        OR (
                          COALESCE("combination_10_criterion_16"."found", 0) >= 1
                        )
                      )
                    ),
                    FALSE
                  )
                  THEN CASE
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_15"."found", 0) >= 3
                      ), FALSE)
                      THEN '3 HiB: needs ' || CAST(3 - COALESCE("combination_10_criterion_15"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_10_criterion_15"."found", 0) AS TEXT) || ' of 3 found)'
                    END
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_16"."found", 0) >= 1
                      ), FALSE)
                      THEN 'anaphylaxis due to vaccination or to the HiB vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END
                  END
                END,
                CASE
                  WHEN NOT COALESCE(
                    (
                      (
                        (
                          COALESCE("combination_10_criterion_17"."found", 0) >= 3
                        )
                        OR (
                          COALESCE("combination_10_criterion_18"."found", 0) >= 1
                        )
                        OR (
                          COALESCE("combination_10_criterion_19"."found", 0) >= 1
                        )
                      )
                    ),
                    FALSE
                  )
                  THEN CASE
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_17"."found", 0) >= 3
                      ), FALSE)
                      THEN '3 HepB: needs ' || CAST(3 - COALESCE("combination_10_criterion_17"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_10_criterion_17"."found", 0) AS TEXT) || ' of 3 found)'
                    END
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_18"."found", 0) >= 1
                      ), FALSE)
                      THEN 'history of hepatitis B: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_19"."found", 0) >= 1
                      ), FALSE)
                      THEN 'anaphylaxis due to vaccination or to the HepB vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END
                  END
                END,
                CASE
                  WHEN NOT COALESCE(
                    (
                      (
                        (
                          COALESCE("combination_10_criterion_20"."found", 0) >= 1
                        )
                        OR (
                          COALESCE("combination_10_criterion_21"."found", 0) >= 1
                        )
                        OR (
                          COALESCE("combination_10_criterion_22"."found", 0) >= 1
                        )
                      )
                    ),
                    FALSE
                  )
                  THEN CASE
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_20"."found", 0) >= 1
                      ), FALSE)
                      THEN '1 VZV: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_21"."found", 0) >= 1
                      ), FALSE)
                      THEN 'history of varicella: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_22"."found", 0) >= 1
                      ), FALSE)
                      THEN 'anaphylaxis due to vaccination or to the VZV vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END
                  END
                END,
                CASE
                  WHEN NOT COALESCE(
                    (
                      (
                        (
                          COALESCE("combination_10_criterion_23"."found", 0) >= 4
                        )
                        OR (
                          COALESCE("combination_10_criterion_24"."found", 0) >= 1
                        )
                      )
                    ),
                    FALSE
                  )
                  THEN CASE
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_23"."found", 0) >= 4
                      ), FALSE)
                      THEN '4 PCV: needs ' || CAST(4 - COALESCE("combination_10_criterion_23"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_10_criterion_23"."found", 0) AS TEXT) || ' of 4 found)'
                    END
                    WHEN TRUE
                    THEN CASE
                      WHEN NOT COALESCE((
                        COALESCE("combination_10_criterion_24"."found", 0) >= 1
                      ), FALSE)
                      THEN 'anaphylaxis due to vaccination or to the PCV vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                    END
                  END
                END
              ),
              ''
            ),
            CASE
              WHEN NOT COALESCE(
                (
                  (
                    (
                      COALESCE("combination_10_criterion_25"."found", 0) >= 1
                    )
                    OR (
                      COALESCE("combination_10_criterion_26"."found", 0) >= 1
                    )
                    OR (
                      COALESCE("combination_10_criterion_27"."found", 0) >= 1
                    )
                  )
                ),
                FALSE
              )
              THEN CASE
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_10_criterion_25"."found", 0) >= 1
                  ), FALSE)
                  THEN '1 HepA: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_10_criterion_26"."found", 0) >= 1
                  ), FALSE)
                  THEN 'history of hepatitis A: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_10_criterion_27"."found", 0) >= 1
                  ), FALSE)
                  THEN 'anaphylaxis due to vaccination or to the HepA vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
              END
            END,
            CASE
              WHEN NOT COALESCE(
                (
                  (
                    (
                      COALESCE("combination_10_criterion_28"."found", 0) >= 2
                    )
                    OR (
                      COALESCE("combination_10_criterion_29"."found", 0) >= 3
                    )
                    OR (
                      COALESCE("combination_10_criterion_30"."found", 0) >= 1
                    )
                  )
                ),
                FALSE
              )
              THEN CASE
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_10_criterion_28"."found", 0) >= 2
                  ), FALSE)
                  THEN '2 doses of the two-dose vaccine: needs ' || CAST(2 - COALESCE("combination_10_criterion_28"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_10_criterion_28"."found", 0) AS TEXT) || ' of 2 found)'
                END
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_10_criterion_29"."found", 0) >= 3
                  ), FALSE)
                  THEN '3 doses of any rotavirus vaccine: needs ' || CAST(3 - COALESCE("combination_10_criterion_29"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_10_criterion_29"."found", 0) AS TEXT) || ' of 3 found)'
                END
                WHEN TRUE
                THEN CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_10_criterion_30"."found", 0) >= 1
                  ), FALSE)
                  THEN 'anaphylaxis due to vaccination or to the rotavirus vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
              END
            END
          ),
          ''
        ),
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_10_criterion_31"."found", 0) >= 2
                )
                OR (
                  (
                    COALESCE("combination_10_criterion_32"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("combination_10_criterion_33"."found", 0) >= 1
                  )
                )
                OR (
                  COALESCE("combination_10_criterion_34"."found", 0) >= 2
                )
                OR (
                  COALESCE("combination_10_criterion_35"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_10_criterion_31"."found", 0) >= 2
              ), FALSE)
              THEN '2 inactivated influenza doses: needs ' || CAST(2 - COALESCE("combination_10_criterion_31"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_10_criterion_31"."found", 0) AS TEXT) || ' of 2 found)'
            END
            WHEN TRUE AND TRUE
            THEN NULLIF(
              CONCAT_WS(
                '; ',
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_10_criterion_32"."found", 0) >= 1
                  ), FALSE)
                  THEN '1 inactivated dose before the second birthday: needs 1 by ' || COALESCE(
                    CAST(CAST("u"."anchor_date" + INTERVAL (-1) DAY AS DATE) AS TEXT),
                    'an unknown date'
                  )
                END,
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_10_criterion_33"."found", 0) >= 1
                  ), FALSE)
                  THEN 'an LAIV dose: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
              ),
              ''
            )
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_10_criterion_34"."found", 0) >= 2
              ), FALSE)
              THEN '2 influenza doses of either kind: needs ' || CAST(2 - COALESCE("combination_10_criterion_34"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("combination_10_criterion_34"."found", 0) AS TEXT) || ' of 2 found)'
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_10_criterion_35"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to vaccination or to the influenza vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END
      ),
      ''
    ) AS "numerator_gap",
    LEAST(
      LEAST(
        LEAST(
          CASE
            WHEN NOT COALESCE(
              (
                (
                  (
                    COALESCE("combination_10_criterion_5"."found", 0) >= 4
                  )
                  OR (
                    COALESCE("combination_10_criterion_6"."found", 0) >= 1
                  )
                  OR (
                    COALESCE("combination_10_criterion_7"."found", 0) >= 1
                  )
                )
              ),
              FALSE
            )
            THEN CASE
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_5"."found", 0) >= 4
                ), FALSE)
                THEN "u"."anchor_date"
              END
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_6"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_7"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END
            END
          END,
          CASE
            WHEN NOT COALESCE(
              (
                (
                  (
                    COALESCE("combination_10_criterion_8"."found", 0) >= 3
                  )
                  OR (
                    COALESCE("combination_10_criterion_9"."found", 0) >= 1
                  )
                )
              ),
              FALSE
            )
            THEN CASE
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_8"."found", 0) >= 3
                ), FALSE)
                THEN "u"."anchor_date"
              END
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_9"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END
            END
          END,
          CASE
            WHEN NOT COALESCE(
              (
                (
                  (
                    COALESCE("combination_10_criterion_10"."found", 0) >= 1
                  )
                  OR (
                    (
                      COALESCE("combination_10_criterion_11"."found", 0) >= 1
                    )
                    AND (
                      COALESCE("combination_10_criterion_12"."found", 0) >= 1
                    )
                    AND (
                      COALESCE("combination_10_criterion_13"."found", 0) >= 1
                    )
                  )
                  OR (
                    COALESCE("combination_10_criterion_14"."found", 0) >= 1
                  )
                )
              ),
              FALSE
            )
            THEN CASE
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_10"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END
              WHEN TRUE AND TRUE AND TRUE
              THEN LEAST(
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_10_criterion_11"."found", 0) >= 1
                  ), FALSE)
                  THEN "u"."anchor_date"
                END,
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_10_criterion_12"."found", 0) >= 1
                  ), FALSE)
                  THEN "u"."anchor_date"
                END,
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("combination_10_criterion_13"."found", 0) >= 1
                  ), FALSE)
                  THEN "u"."anchor_date"
                END
              )
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_14"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END
            END
          END,
          CASE
            WHEN NOT COALESCE(
              (
                (
                  (
                    COALESCE("combination_10_criterion_15"."found", 0) >= 3
                  )
                  OR (
                    COALESCE("combination_10_criterion_16"."found", 0) >= 1
                  )
                )
              ),
              FALSE
            )
            THEN CASE
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_15"."found", 0) >= 3
                ), FALSE)
                THEN "u"."anchor_date"
              END
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_16"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END
            END
          END,
          CASE
            WHEN NOT COALESCE(
              (
                (
                  (
                    COALESCE("combination_10_criterion_17"."found", 0) >= 3
                  )
                  OR (
                    COALESCE("combination_10_criterion_18"."found", 0) >= 1
                  )
                  OR (
                    COALESCE("combination_10_criterion_19"."found", 0) >= 1
                  )
                )
              ),
              FALSE
            )
            THEN CASE
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_17"."found", 0) >= 3
                ), FALSE)
                THEN "u"."anchor_date"
              END
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_18"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_19"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END
            END
          END,
          CASE
            WHEN NOT COALESCE(
              (
                (
                  (
                    COALESCE("combination_10_criterion_20"."found", 0) >= 1
                  )
                  OR (
                    COALESCE("combination_10_criterion_21"."found", 0) >= 1
                  )
                  OR (
                    COALESCE("combination_10_criterion_22"."found", 0) >= 1
                  )
                )
              ),
              FALSE
            )
            THEN CASE
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_20"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_21"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_22"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END
            END
          END,
          CASE
            WHEN NOT COALESCE(
              (
                (
                  (
                    COALESCE("combination_10_criterion_23"."found", 0) >= 4
                  )
                  OR (
                    COALESCE("combination_10_criterion_24"."found", 0) >= 1
                  )
                )
              ),
              FALSE
            )
            THEN CASE
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_23"."found", 0) >= 4
                ), FALSE)
                THEN "u"."anchor_date"
              END
              WHEN TRUE
              THEN CASE
                WHEN NOT COALESCE((
                  COALESCE("combination_10_criterion_24"."found", 0) >= 1
                ), FALSE)
                THEN "u"."anchor_date"
              END
            END
          END
        ),
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_10_criterion_25"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_26"."found", 0) >= 1
                )
                OR (
                  COALESCE("combination_10_criterion_27"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_10_criterion_25"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_10_criterion_26"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_10_criterion_27"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("combination_10_criterion_28"."found", 0) >= 2
                )
                OR (
                  COALESCE("combination_10_criterion_29"."found", 0) >= 3
                )
                OR (
                  COALESCE("combination_10_criterion_30"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_10_criterion_28"."found", 0) >= 2
              ), FALSE)
              THEN "u"."anchor_date"
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_10_criterion_29"."found", 0) >= 3
              ), FALSE)
              THEN "u"."anchor_date"
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("combination_10_criterion_30"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
          END
        END
      ),
      CASE
        WHEN NOT COALESCE(
          (
            (
              (
                COALESCE("combination_10_criterion_31"."found", 0) >= 2
              )
              OR (
                (
                  COALESCE("combination_10_criterion_32"."found", 0) >= 1
                )
                AND (
                  COALESCE("combination_10_criterion_33"."found", 0) >= 1
                )
              )
              OR (
                COALESCE("combination_10_criterion_34"."found", 0) >= 2
              )
              OR (
                COALESCE("combination_10_criterion_35"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_10_criterion_31"."found", 0) >= 2
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE AND TRUE
          THEN LEAST(
            CASE
              WHEN NOT COALESCE((
                COALESCE("combination_10_criterion_32"."found", 0) >= 1
              ), FALSE)
              THEN CAST("u"."anchor_date" + INTERVAL (-1) DAY AS DATE)
            END,
            CASE
              WHEN NOT COALESCE((
                COALESCE("combination_10_criterion_33"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
          )
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_10_criterion_34"."found", 0) >= 2
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("combination_10_criterion_35"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
        END
      END
    ) AS "numerator_due"
  FROM "units" AS "u"
  LEFT JOIN "combination_10_criterion_1"
    ON "combination_10_criterion_1"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_2"
    ON "combination_10_criterion_2"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_3"
    ON "combination_10_criterion_3"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_4"
    ON "combination_10_criterion_4"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_5"
    ON "combination_10_criterion_5"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_6"
    ON "combination_10_criterion_6"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_7"
    ON "combination_10_criterion_7"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_8"
    ON "combination_10_criterion_8"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_9"
    ON "combination_10_criterion_9"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_10"
    ON "combination_10_criterion_10"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_11"
    ON "combination_10_criterion_11"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_12"
    ON "combination_10_criterion_12"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_13"
    ON "combination_10_criterion_13"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_14"
    ON "combination_10_criterion_14"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_15"
    ON "combination_10_criterion_15"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_16"
    ON "combination_10_criterion_16"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_17"
    ON "combination_10_criterion_17"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_18"
    ON "combination_10_criterion_18"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_19"
    ON "combination_10_criterion_19"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_20"
    ON "combination_10_criterion_20"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_21"
    ON "combination_10_criterion_21"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_22"
    ON "combination_10_criterion_22"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_23"
    ON "combination_10_criterion_23"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_24"
    ON "combination_10_criterion_24"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_25"
    ON "combination_10_criterion_25"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_26"
    ON "combination_10_criterion_26"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_27"
    ON "combination_10_criterion_27"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_28"
    ON "combination_10_criterion_28"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_29"
    ON "combination_10_criterion_29"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_30"
    ON "combination_10_criterion_30"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_31"
    ON "combination_10_criterion_31"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_32"
    ON "combination_10_criterion_32"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_33"
    ON "combination_10_criterion_33"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_34"
    ON "combination_10_criterion_34"."unit_id" = "u"."unit_id"
  LEFT JOIN "combination_10_criterion_35"
    ON "combination_10_criterion_35"."unit_id" = "u"."unit_id"
) AS "f"
LEFT JOIN "combination_10_plan" AS "pl"
  ON "pl"."unit_id" = "f"."unit_id"
LEFT JOIN "combination_10_mother" AS "mo"
  ON "mo"."child_member_id" = "f"."member_id"
LEFT JOIN "combination_10_mothers" AS "lc"
  ON "lc"."mother_member_id" = "f"."member_id"
WHERE
  "f"."ip_met";
