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
    'child_influenza_vaccine',
    'child_influenza_vaccine_administered',
    'dtap_vaccine',
    'dtap_vaccine_administered',
    'hepatitis_a_vaccine',
    'hepatitis_a_vaccine_administered',
    'hepatitis_b_vaccine',
    'hepatitis_b_vaccine_administered',
    'hib_vaccine_3_dose',
    'hib_vaccine_3_dose_administered',
    'hib_vaccine_4_dose',
    'hib_vaccine_4_dose_administered',
    'inactivated_polio_vaccine',
    'inactivated_polio_vaccine_administered',
    'influenza_virus_laiv_vaccine',
    'influenza_virus_laiv_vaccine_administered',
    'mmr_vaccine',
    'mmr_vaccine_administered',
    'pneumococcal_conjugate_vaccine',
    'pneumococcal_conjugate_vaccine_administered',
    'rotavirus_monovalent_vaccine',
    'rotavirus_vaccine_2_dose_administered',
    'rotavirus_vaccine_3_dose',
    'rotavirus_vaccine_3_dose_administered',
    'varicella_zoster_vaccine',
    'varicella_zoster_vaccine_administered'
  )
WHERE
  "e"."status" IN ('completed');

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
    'disorders_of_the_immune_system',
    'encephalitis_due_to_dtp_vaccine',
    'hepatitis_a',
    'hepatitis_b',
    'hiv',
    'hospice_diagnosis',
    'intussusception',
    'malignant_neoplasm_of_lymphatic_and_hematopoietic_tissue',
    'measles',
    'mumps',
    'rubella',
    'severe_combined_immunodeficiency',
    'varicella_zoster'
  )
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
    'child_influenza_vaccine',
    'child_influenza_vaccine_administered',
    'dtap_vaccine',
    'dtap_vaccine_administered',
    'established_office_visit_99211',
    'hepatitis_a_vaccine',
    'hepatitis_a_vaccine_administered',
    'hepatitis_b_vaccine',
    'hepatitis_b_vaccine_administered',
    'hib_vaccine_3_dose',
    'hib_vaccine_3_dose_administered',
    'hib_vaccine_4_dose',
    'hib_vaccine_4_dose_administered',
    'home_healthcare_services',
    'hospice_care_ambulatory',
    'hospice_discharge',
    'hospice_encounter',
    'inactivated_polio_vaccine',
    'inactivated_polio_vaccine_administered',
    'influenza_virus_laiv_vaccine',
    'influenza_virus_laiv_vaccine_administered',
    'mmr_vaccine',
    'mmr_vaccine_administered',
    'newborn_vaccine_procedure',
    'office_visit',
    'pneumococcal_conjugate_vaccine',
    'pneumococcal_conjugate_vaccine_administered',
    'preventive_care_established_visit_0_17',
    'preventive_care_initial_visit_0_17',
    'rotavirus_monovalent_vaccine',
    'rotavirus_vaccine_2_dose_administered',
    'rotavirus_vaccine_3_dose',
    'rotavirus_vaccine_3_dose_administered',
    'telephone_visits',
    'varicella_zoster_vaccine',
    'varicella_zoster_vaccine_administered',
    'virtual_encounter'
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

-- cms117.all_vaccines: All childhood vaccines by the second birthday
WITH "all_vaccines_units_0" AS (
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
  FROM "all_vaccines_units_0" AS "u"
), "all_vaccines_criterion_1" AS (
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
      "c"."value_set" IN (
        'office_visit',
        'home_healthcare_services',
        'preventive_care_established_visit_0_17',
        'preventive_care_initial_visit_0_17',
        'established_office_visit_99211',
        'virtual_encounter',
        'telephone_visits'
      )
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
  GROUP BY
    "u"."unit_id"
), "all_vaccines_in_scope" AS (
  SELECT
    "u".*
  FROM "units" AS "u"
  LEFT JOIN "all_vaccines_criterion_1"
    ON "all_vaccines_criterion_1"."unit_id" = "u"."unit_id"
  WHERE
    COALESCE(
      (
        (
          CAST("u"."birth_date" + INTERVAL 24 MONTH AS DATE) <= CAST('2025-12-31' AS DATE)
          AND CAST("u"."birth_date" + INTERVAL 36 MONTH AS DATE) > CAST('2025-12-31' AS DATE)
        )
        AND (
          COALESCE("all_vaccines_criterion_1"."found", 0) >= 1
        )
      ),
      FALSE
    )
), "all_vaccines_encounters_in_scope" AS (
  SELECT
    "c".*
  FROM "encounters_value_sets" AS "c"
  JOIN (
    SELECT DISTINCT
      "s"."member_id"
    FROM "all_vaccines_in_scope" AS "s"
  ) AS "s"
    ON "s"."member_id" = "c"."member_id"
  WHERE
    "c"."value_set" IN (
      'child_influenza_vaccine',
      'child_influenza_vaccine_administered',
      'dtap_vaccine',
      'dtap_vaccine_administered',
      'hepatitis_a_vaccine',
      'hepatitis_a_vaccine_administered',
      'hepatitis_b_vaccine',
      'hepatitis_b_vaccine_administered',
      'hib_vaccine_3_dose',
      'hib_vaccine_3_dose_administered',
      'hib_vaccine_4_dose',
      'hib_vaccine_4_dose_administered',
      'hospice_care_ambulatory',
      'hospice_discharge',
      'hospice_encounter',
      'inactivated_polio_vaccine',
      'inactivated_polio_vaccine_administered',
      'influenza_virus_laiv_vaccine',
      'influenza_virus_laiv_vaccine_administered',
      'mmr_vaccine',
      'mmr_vaccine_administered',
      'newborn_vaccine_procedure',
      'pneumococcal_conjugate_vaccine',
      'pneumococcal_conjugate_vaccine_administered',
      'rotavirus_monovalent_vaccine',
      'rotavirus_vaccine_2_dose_administered',
      'rotavirus_vaccine_3_dose',
      'rotavirus_vaccine_3_dose_administered',
      'varicella_zoster_vaccine',
      'varicella_zoster_vaccine_administered'
    )
), "all_vaccines_orders_in_scope" AS (
  SELECT
    "c".*
  FROM "orders_value_sets" AS "c"
  JOIN (
    SELECT DISTINCT
      "s"."member_id"
    FROM "all_vaccines_in_scope" AS "s"
  ) AS "s"
    ON "s"."member_id" = "c"."member_id"
  WHERE
    "c"."value_set" IN ('hospice_care_ambulatory')
), "all_vaccines_criterion_2" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('hospice_discharge')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_3" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source",
      "c"."last_service_date" AS "last_service_date"
    FROM "all_vaccines_encounters_in_scope" AS "c"
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
), "all_vaccines_criterion_4" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'orders' THEN 1 ELSE 0 END) AS "from_orders"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'orders' AS "source"
    FROM "all_vaccines_orders_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('hospice_care_ambulatory')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_5" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'observations' THEN 1 ELSE 0 END) AS "from_observations"
  FROM "all_vaccines_in_scope" AS "u"
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
), "all_vaccines_criterion_6" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
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
), "all_vaccines_criterion_7" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN (
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
), "all_vaccines_criterion_8" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('dtap_vaccine', 'dtap_vaccine_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('dtap_vaccine', 'dtap_vaccine_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_9" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('anaphylactic_reaction_to_dtap_vaccine', 'encephalitis_due_to_dtp_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_10" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('inactivated_polio_vaccine', 'inactivated_polio_vaccine_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('inactivated_polio_vaccine', 'inactivated_polio_vaccine_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_11" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('anaphylaxis_polio_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_12" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('mmr_vaccine', 'mmr_vaccine_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('mmr_vaccine', 'mmr_vaccine_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_13" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('anaphylaxis_mmr_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_14" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('measles')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_15" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('mumps')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_16" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('rubella')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_17" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('hib_vaccine_4_dose', 'hib_vaccine_4_dose_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('hib_vaccine_4_dose', 'hib_vaccine_4_dose_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_18" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN (
        'hib_vaccine_3_dose',
        'hib_vaccine_3_dose_administered',
        'hib_vaccine_4_dose',
        'hib_vaccine_4_dose_administered'
      )
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN (
        'hib_vaccine_3_dose',
        'hib_vaccine_3_dose_administered',
        'hib_vaccine_4_dose',
        'hib_vaccine_4_dose_administered'
      )
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_19" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('hib_vaccine_3_dose', 'hib_vaccine_3_dose_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('hib_vaccine_3_dose', 'hib_vaccine_3_dose_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_20" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('anaphylaxis_hib_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_21" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('hepatitis_b_vaccine', 'hepatitis_b_vaccine_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('hepatitis_b_vaccine', 'hepatitis_b_vaccine_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_22" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('newborn_vaccine_procedure')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND CAST("u"."birth_date" + INTERVAL 7 DAY AS DATE)
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_23" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('hepatitis_b_vaccine', 'hepatitis_b_vaccine_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('hepatitis_b_vaccine', 'hepatitis_b_vaccine_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 1 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_24" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('hepatitis_b', 'anaphylaxis_hepatitis_b_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_25" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('varicella_zoster_vaccine', 'varicella_zoster_vaccine_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('varicella_zoster_vaccine', 'varicella_zoster_vaccine_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_26" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('varicella_zoster', 'anaphylaxis_varicella_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_27" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('pneumococcal_conjugate_vaccine', 'pneumococcal_conjugate_vaccine_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('pneumococcal_conjugate_vaccine', 'pneumococcal_conjugate_vaccine_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_28" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('anaphylaxis_pneumococcal_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_29" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('hepatitis_a_vaccine', 'hepatitis_a_vaccine_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('hepatitis_a_vaccine', 'hepatitis_a_vaccine_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 12 MONTH AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_30" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('hepatitis_a', 'anaphylaxis_hepatitis_a_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_31" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('rotavirus_vaccine_3_dose', 'rotavirus_vaccine_3_dose_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('rotavirus_vaccine_3_dose', 'rotavirus_vaccine_3_dose_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_32" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN (
        'rotavirus_monovalent_vaccine',
        'rotavirus_vaccine_2_dose_administered',
        'rotavirus_vaccine_3_dose',
        'rotavirus_vaccine_3_dose_administered'
      )
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN (
        'rotavirus_monovalent_vaccine',
        'rotavirus_vaccine_2_dose_administered',
        'rotavirus_vaccine_3_dose',
        'rotavirus_vaccine_3_dose_administered'
      )
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_33" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('rotavirus_monovalent_vaccine', 'rotavirus_vaccine_2_dose_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('rotavirus_monovalent_vaccine', 'rotavirus_vaccine_2_dose_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_34" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('anaphylaxis_rotavirus_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_35" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('child_influenza_vaccine', 'child_influenza_vaccine_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('child_influenza_vaccine', 'child_influenza_vaccine_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 180 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_36" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    COUNT(DISTINCT "e"."service_date") AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('child_influenza_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_37" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('child_influenza_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND CAST("u"."birth_date" + INTERVAL 179 DAY AS DATE)
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_38" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('child_influenza_vaccine', 'child_influenza_vaccine_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('child_influenza_vaccine', 'child_influenza_vaccine_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 180 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_39" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('child_influenza_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 42 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_40" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('child_influenza_vaccine_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN CAST("u"."birth_date" + INTERVAL 180 DAY AS DATE) AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_41" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'immunizations' THEN 1 ELSE 0 END) AS "from_immunizations",
    MAX(CASE WHEN "e"."source" = 'encounters' THEN 1 ELSE 0 END) AS "from_encounters"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'immunizations' AS "source"
    FROM "immunizations_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('influenza_virus_laiv_vaccine', 'influenza_virus_laiv_vaccine_administered')
    UNION ALL
    SELECT
      "c"."member_id",
      "c"."service_date",
      'encounters' AS "source"
    FROM "all_vaccines_encounters_in_scope" AS "c"
    WHERE
      "c"."value_set" IN ('influenza_virus_laiv_vaccine', 'influenza_virus_laiv_vaccine_administered')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."anchor_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_criterion_42" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found",
    MAX(CASE WHEN "e"."source" = 'conditions' THEN 1 ELSE 0 END) AS "from_conditions"
  FROM "all_vaccines_in_scope" AS "u"
  JOIN (
    SELECT
      "c"."member_id",
      "c"."service_date",
      'conditions' AS "source"
    FROM "conditions_value_sets" AS "c"
    WHERE
      "c"."value_set" IN ('anaphylaxis_influenza_vaccine')
  ) AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
  GROUP BY
    "u"."unit_id"
), "all_vaccines_plan" AS (
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
    FROM "all_vaccines_in_scope" AS "u"
    JOIN "enrollment" AS "e"
      ON "e"."member_id" = "u"."member_id"
      AND "e"."benefit" = 'medical'
      AND "e"."start_date" <= "u"."anchor_date"
  ) AS "ranked"
  WHERE
    "plan_rank" = 1
), "all_vaccines_mother" AS (
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
), "all_vaccines_mothers" AS (
  SELECT DISTINCT
    "mother_member_id"
  FROM "dyads"
)
SELECT
  'cms117' AS "measure_id",
  'all_vaccines' AS "rate_id",
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
        (
          CAST("u"."birth_date" + INTERVAL 24 MONTH AS DATE) <= CAST('2025-12-31' AS DATE)
          AND CAST("u"."birth_date" + INTERVAL 36 MONTH AS DATE) > CAST('2025-12-31' AS DATE)
        )
        AND (
          COALESCE("all_vaccines_criterion_1"."found", 0) >= 1
        )
      ),
      FALSE
    ) AS "ip_met",
    TRUE AS "den_met",
    COALESCE(
      (
        (
          (
            (
              (
                COALESCE("all_vaccines_criterion_2"."found", 0) >= 1
              )
              OR (
                COALESCE("all_vaccines_criterion_3"."found", 0) >= 1
              )
              OR (
                COALESCE("all_vaccines_criterion_4"."found", 0) >= 1
              )
              OR (
                COALESCE("all_vaccines_criterion_5"."found", 0) >= 1
              )
              OR (
                COALESCE("all_vaccines_criterion_6"."found", 0) >= 1
              )
            )
          )
          OR (
            COALESCE("all_vaccines_criterion_7"."found", 0) >= 1
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
              COALESCE("all_vaccines_criterion_8"."found", 0) >= 4
            )
            OR (
              COALESCE("all_vaccines_criterion_9"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              COALESCE("all_vaccines_criterion_10"."found", 0) >= 3
            )
            OR (
              COALESCE("all_vaccines_criterion_11"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              COALESCE("all_vaccines_criterion_12"."found", 0) >= 1
            )
            OR (
              COALESCE("all_vaccines_criterion_13"."found", 0) >= 1
            )
            OR (
              (
                COALESCE("all_vaccines_criterion_14"."found", 0) >= 1
              )
              AND (
                COALESCE("all_vaccines_criterion_15"."found", 0) >= 1
              )
              AND (
                COALESCE("all_vaccines_criterion_16"."found", 0) >= 1
              )
            )
          )
        )
        AND (
          (
            (
              (
                COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
              )
              AND (
                COALESCE("all_vaccines_criterion_18"."found", 0) >= 4
              )
            )
            OR (
              (
                NOT (
                  COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
                )
              )
              AND (
                COALESCE("all_vaccines_criterion_19"."found", 0) >= 3
              )
            )
            OR (
              COALESCE("all_vaccines_criterion_20"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              COALESCE("all_vaccines_criterion_21"."found", 0) >= 3
            )
            OR (
              (
                COALESCE("all_vaccines_criterion_22"."found", 0) >= 1
              )
              AND (
                COALESCE("all_vaccines_criterion_23"."found", 0) >= 2
              )
            )
            OR (
              COALESCE("all_vaccines_criterion_24"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              COALESCE("all_vaccines_criterion_25"."found", 0) >= 1
            )
            OR (
              COALESCE("all_vaccines_criterion_26"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              COALESCE("all_vaccines_criterion_27"."found", 0) >= 4
            )
            OR (
              COALESCE("all_vaccines_criterion_28"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              COALESCE("all_vaccines_criterion_29"."found", 0) >= 1
            )
            OR (
              COALESCE("all_vaccines_criterion_30"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              (
                COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
              )
              AND (
                COALESCE("all_vaccines_criterion_32"."found", 0) >= 3
              )
            )
            OR (
              (
                NOT (
                  COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
                )
              )
              AND (
                COALESCE("all_vaccines_criterion_33"."found", 0) >= 2
              )
            )
            OR (
              COALESCE("all_vaccines_criterion_34"."found", 0) >= 1
            )
          )
        )
        AND (
          (
            (
              COALESCE("all_vaccines_criterion_35"."found", 0) >= 2
            )
            OR (
              COALESCE("all_vaccines_criterion_36"."found", 0) >= 2
            )
            OR (
              (
                COALESCE("all_vaccines_criterion_37"."found", 0) >= 1
              )
              AND (
                COALESCE("all_vaccines_criterion_38"."found", 0) >= 1
              )
            )
            OR (
              (
                (
                  (
                    COALESCE("all_vaccines_criterion_39"."found", 0) >= 1
                  )
                  OR (
                    COALESCE("all_vaccines_criterion_40"."found", 0) >= 1
                  )
                )
              )
              AND (
                COALESCE("all_vaccines_criterion_41"."found", 0) >= 1
              )
            )
            OR (
              COALESCE("all_vaccines_criterion_42"."found", 0) >= 1
            )
          )
        )
      ),
      FALSE
    ) AS "num_met",
    FALSE AS "numex_met",
    CAST(NULL AS TEXT) AS "denominator_failed",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("all_vaccines_criterion_8"."found", 0) >= 4
            )
            OR (
              COALESCE("all_vaccines_criterion_9"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: all vaccines > 4 DTaP'
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("all_vaccines_criterion_10"."found", 0) >= 3
            )
            OR (
              COALESCE("all_vaccines_criterion_11"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: all vaccines > 3 IPV'
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("all_vaccines_criterion_12"."found", 0) >= 1
            )
            OR (
              COALESCE("all_vaccines_criterion_13"."found", 0) >= 1
            )
            OR (
              (
                COALESCE("all_vaccines_criterion_14"."found", 0) >= 1
              )
              AND (
                COALESCE("all_vaccines_criterion_15"."found", 0) >= 1
              )
              AND (
                COALESCE("all_vaccines_criterion_16"."found", 0) >= 1
              )
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: all vaccines > 1 MMR'
      WHEN NOT COALESCE(
        (
          (
            (
              (
                COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
              )
              AND (
                COALESCE("all_vaccines_criterion_18"."found", 0) >= 4
              )
            )
            OR (
              (
                NOT (
                  COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
                )
              )
              AND (
                COALESCE("all_vaccines_criterion_19"."found", 0) >= 3
              )
            )
            OR (
              COALESCE("all_vaccines_criterion_20"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: all vaccines > 3 or 4 HiB'
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("all_vaccines_criterion_21"."found", 0) >= 3
            )
            OR (
              (
                COALESCE("all_vaccines_criterion_22"."found", 0) >= 1
              )
              AND (
                COALESCE("all_vaccines_criterion_23"."found", 0) >= 2
              )
            )
            OR (
              COALESCE("all_vaccines_criterion_24"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: all vaccines > 3 HepB'
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("all_vaccines_criterion_25"."found", 0) >= 1
            )
            OR (
              COALESCE("all_vaccines_criterion_26"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: all vaccines > 1 VZV'
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("all_vaccines_criterion_27"."found", 0) >= 4
            )
            OR (
              COALESCE("all_vaccines_criterion_28"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: all vaccines > 4 PCV'
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("all_vaccines_criterion_29"."found", 0) >= 1
            )
            OR (
              COALESCE("all_vaccines_criterion_30"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: all vaccines > 1 HepA'
      WHEN NOT COALESCE(
        (
          (
            (
              (
                COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
              )
              AND (
                COALESCE("all_vaccines_criterion_32"."found", 0) >= 3
              )
            )
            OR (
              (
                NOT (
                  COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
                )
              )
              AND (
                COALESCE("all_vaccines_criterion_33"."found", 0) >= 2
              )
            )
            OR (
              COALESCE("all_vaccines_criterion_34"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: all vaccines > 2 or 3 rotavirus'
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("all_vaccines_criterion_35"."found", 0) >= 2
            )
            OR (
              COALESCE("all_vaccines_criterion_36"."found", 0) >= 2
            )
            OR (
              (
                COALESCE("all_vaccines_criterion_37"."found", 0) >= 1
              )
              AND (
                COALESCE("all_vaccines_criterion_38"."found", 0) >= 1
              )
            )
            OR (
              (
                (
                  (
                    COALESCE("all_vaccines_criterion_39"."found", 0) >= 1
                  )
                  OR (
                    COALESCE("all_vaccines_criterion_40"."found", 0) >= 1
                  )
                )
              )
              AND (
                COALESCE("all_vaccines_criterion_41"."found", 0) >= 1
              )
            )
            OR (
              COALESCE("all_vaccines_criterion_42"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'numerator not met: all vaccines > 2 influenza'
    END AS "numerator_failed",
    CASE
      WHEN COALESCE(
        (
          (
            (
              COALESCE("all_vaccines_criterion_2"."found", 0) >= 1
            )
            OR (
              COALESCE("all_vaccines_criterion_3"."found", 0) >= 1
            )
            OR (
              COALESCE("all_vaccines_criterion_4"."found", 0) >= 1
            )
            OR (
              COALESCE("all_vaccines_criterion_5"."found", 0) >= 1
            )
            OR (
              COALESCE("all_vaccines_criterion_6"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN 'hospice services in the measurement period'
      WHEN COALESCE((
        COALESCE("all_vaccines_criterion_7"."found", 0) >= 1
      ), FALSE)
      THEN 'an immunodeficiency, HIV, lymphatic cancer or intussusception with onset by the second birthday'
    END AS "denominator_exclusion_reason",
    CAST(NULL AS TEXT) AS "denominator_exception_reason",
    CAST(NULL AS TEXT) AS "numerator_exclusion_reason",
    GREATEST(
      CASE
        WHEN COALESCE("all_vaccines_criterion_42"."found", 0) >= 1
        THEN "all_vaccines_criterion_42"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_41"."found", 0) >= 1
        THEN "all_vaccines_criterion_41"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_40"."found", 0) >= 1
        THEN "all_vaccines_criterion_40"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_39"."found", 0) >= 1
        THEN "all_vaccines_criterion_39"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_38"."found", 0) >= 1
        THEN "all_vaccines_criterion_38"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_37"."found", 0) >= 1
        THEN "all_vaccines_criterion_37"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_36"."found", 0) >= 2
        THEN "all_vaccines_criterion_36"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_35"."found", 0) >= 2
        THEN "all_vaccines_criterion_35"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_34"."found", 0) >= 1
        THEN "all_vaccines_criterion_34"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_33"."found", 0) >= 2
        THEN "all_vaccines_criterion_33"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
        THEN "all_vaccines_criterion_31"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_32"."found", 0) >= 3
        THEN "all_vaccines_criterion_32"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
        THEN "all_vaccines_criterion_31"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_30"."found", 0) >= 1
        THEN "all_vaccines_criterion_30"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_29"."found", 0) >= 1
        THEN "all_vaccines_criterion_29"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_28"."found", 0) >= 1
        THEN "all_vaccines_criterion_28"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_27"."found", 0) >= 4
        THEN "all_vaccines_criterion_27"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_26"."found", 0) >= 1
        THEN "all_vaccines_criterion_26"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_25"."found", 0) >= 1
        THEN "all_vaccines_criterion_25"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_24"."found", 0) >= 1
        THEN "all_vaccines_criterion_24"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_23"."found", 0) >= 2
        THEN "all_vaccines_criterion_23"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_22"."found", 0) >= 1
        THEN "all_vaccines_criterion_22"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_21"."found", 0) >= 3
        THEN "all_vaccines_criterion_21"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_20"."found", 0) >= 1
        THEN "all_vaccines_criterion_20"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_19"."found", 0) >= 3
        THEN "all_vaccines_criterion_19"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
        THEN "all_vaccines_criterion_17"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_18"."found", 0) >= 4
        THEN "all_vaccines_criterion_18"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
        THEN "all_vaccines_criterion_17"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_16"."found", 0) >= 1
        THEN "all_vaccines_criterion_16"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_15"."found", 0) >= 1
        THEN "all_vaccines_criterion_15"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_14"."found", 0) >= 1
        THEN "all_vaccines_criterion_14"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_13"."found", 0) >= 1
        THEN "all_vaccines_criterion_13"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_12"."found", 0) >= 1
        THEN "all_vaccines_criterion_12"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_11"."found", 0) >= 1
        THEN "all_vaccines_criterion_11"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_10"."found", 0) >= 3
        THEN "all_vaccines_criterion_10"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_9"."found", 0) >= 1
        THEN "all_vaccines_criterion_9"."evidence_date"
      END,
      CASE
        WHEN COALESCE("all_vaccines_criterion_8"."found", 0) >= 4
        THEN "all_vaccines_criterion_8"."evidence_date"
      END
    ) AS "numerator_evidence",
    NULLIF(
      CONCAT_WS(
        '; ',
        CASE
          WHEN COALESCE("all_vaccines_criterion_8"."found", 0) >= 4
          THEN '4 DTaP: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_8"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_8"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_9"."found", 0) >= 1
          THEN 'anaphylaxis due to DTaP or encephalitis due to DTaP: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_9"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_10"."found", 0) >= 3
          THEN '3 IPV: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_10"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_10"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_11"."found", 0) >= 1
          THEN 'anaphylaxis due to polio vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_11"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_12"."found", 0) >= 1
          THEN '1 MMR: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_12"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_12"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_13"."found", 0) >= 1
          THEN 'anaphylaxis due to MMR vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_13"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_14"."found", 0) >= 1
          THEN 'measles, mumps and rubella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_14"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_15"."found", 0) >= 1
          THEN 'measles, mumps and rubella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_15"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_16"."found", 0) >= 1
          THEN 'measles, mumps and rubella: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_16"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
          THEN '4 HiB, one of a 4-dose schedule vaccine: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_17"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_17"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_18"."found", 0) >= 4
          THEN '4 HiB, one of a 4-dose schedule vaccine: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_18"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_18"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
          THEN '3 HiB of a 3-dose schedule vaccine: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_17"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_17"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_19"."found", 0) >= 3
          THEN '3 HiB of a 3-dose schedule vaccine: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_19"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_19"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_20"."found", 0) >= 1
          THEN 'anaphylaxis due to HiB vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_20"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_21"."found", 0) >= 3
          THEN '3 HepB: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_21"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_21"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_22"."found", 0) >= 1
          THEN 'the newborn procedure within 7 days of birth: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_22"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_23"."found", 0) >= 2
          THEN 'the newborn dose and 2 HepB: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_23"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_23"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_24"."found", 0) >= 1
          THEN 'hepatitis B or anaphylaxis due to HepB vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_24"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_25"."found", 0) >= 1
          THEN '1 VZV: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_25"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_25"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_26"."found", 0) >= 1
          THEN 'varicella zoster or anaphylaxis due to VZV vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_26"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_27"."found", 0) >= 4
          THEN '4 PCV: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_27"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_27"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_28"."found", 0) >= 1
          THEN 'anaphylaxis due to pneumococcal vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_28"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_29"."found", 0) >= 1
          THEN '1 HepA: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_29"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_29"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_30"."found", 0) >= 1
          THEN 'hepatitis A or anaphylaxis due to HepA vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_30"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
          THEN '3 rotavirus, one of the 3-dose schedule: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_31"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_31"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_32"."found", 0) >= 3
          THEN '3 rotavirus, one of the 3-dose schedule: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_32"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_32"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
          THEN '2 rotavirus of the 2-dose schedule: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_31"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_31"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_33"."found", 0) >= 2
          THEN '2 rotavirus of the 2-dose schedule: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_33"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_33"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_34"."found", 0) >= 1
          THEN 'anaphylaxis due to rotavirus vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_34"."from_conditions" = 1 THEN 'conditions' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_35"."found", 0) >= 2
          THEN '2 influenza doses from 180 days: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_35"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_35"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_36"."found", 0) >= 2
          THEN '2 influenza immunization records from 42 days: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_36"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_37"."found", 0) >= 1
          THEN 'an influenza immunization record before 180 days and a dose from 180 days: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_37"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_38"."found", 0) >= 1
          THEN 'an influenza immunization record before 180 days and a dose from 180 days: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_38"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_38"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_39"."found", 0) >= 1
          THEN 'an influenza dose and an LAIV on the second birthday: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_39"."from_immunizations" = 1
              THEN 'immunizations'
            END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_40"."found", 0) >= 1
          THEN 'an influenza dose and an LAIV on the second birthday: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_40"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_41"."found", 0) >= 1
          THEN 'an LAIV on the second birthday: ' || CONCAT_WS(
            ' and ',
            CASE
              WHEN "all_vaccines_criterion_41"."from_immunizations" = 1
              THEN 'immunizations'
            END,
            CASE WHEN "all_vaccines_criterion_41"."from_encounters" = 1 THEN 'encounters' END
          )
        END,
        CASE
          WHEN COALESCE("all_vaccines_criterion_42"."found", 0) >= 1
          THEN 'anaphylaxis due to influenza vaccine: ' || CONCAT_WS(
            ' and ',
            CASE WHEN "all_vaccines_criterion_42"."from_conditions" = 1 THEN 'conditions' END
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
                  COALESCE("all_vaccines_criterion_8"."found", 0) >= 4
                )
                OR (
                  COALESCE("all_vaccines_criterion_9"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_8"."found", 0) >= 4
              ), FALSE)
              THEN '4 DTaP: needs ' || CAST(4 - COALESCE("all_vaccines_criterion_8"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("all_vaccines_criterion_8"."found", 0) AS TEXT) || ' of 4 found)'
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_9"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to DTaP or encephalitis due to DTaP: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("all_vaccines_criterion_10"."found", 0) >= 3
                )
                OR (
                  COALESCE("all_vaccines_criterion_11"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_10"."found", 0) >= 3
              ), FALSE)
              THEN '3 IPV: needs ' || CAST(3 - COALESCE("all_vaccines_criterion_10"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("all_vaccines_criterion_10"."found", 0) AS TEXT) || ' of 3 found)'
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_11"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to polio vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("all_vaccines_criterion_12"."found", 0) >= 1
                )
                OR (
                  COALESCE("all_vaccines_criterion_13"."found", 0) >= 1
                )
                OR (
                  (
                    COALESCE("all_vaccines_criterion_14"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("all_vaccines_criterion_15"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("all_vaccines_criterion_16"."found", 0) >= 1
                  )
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_12"."found", 0) >= 1
              ), FALSE)
              THEN '1 MMR: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_13"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to MMR vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
            WHEN TRUE AND TRUE AND TRUE
            THEN NULLIF(
              CONCAT_WS(
                '; ',
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("all_vaccines_criterion_14"."found", 0) >= 1
                  ), FALSE)
                  THEN 'record with a code in ''measles'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END,
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("all_vaccines_criterion_15"."found", 0) >= 1
                  ), FALSE)
                  THEN 'record with a code in ''mumps'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END,
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("all_vaccines_criterion_16"."found", 0) >= 1
                  ), FALSE)
                  THEN 'record with a code in ''rubella'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
              ),
              ''
            )
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  (
                    COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("all_vaccines_criterion_18"."found", 0) >= 4
                  )
                )
                OR (
                  (
                    NOT (
                      COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
                    )
                  )
                  AND (
                    COALESCE("all_vaccines_criterion_19"."found", 0) >= 3
                  )
                )
                OR (
                  COALESCE("all_vaccines_criterion_20"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE AND TRUE
            THEN NULLIF(
              CONCAT_WS(
                '; ',
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
                  ), FALSE)
                  THEN 'record with a code in ''hib_vaccine_4_dose'' or ''hib_vaccine_4_dose_administered'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END,
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("all_vaccines_criterion_18"."found", 0) >= 4
                  ), FALSE)
                  THEN 'record with a code in ''hib_vaccine_3_dose'' or ''hib_vaccine_3_dose_administered'' or ''hib_vaccine_4_dose'' or ''hib_vaccine_4_dose_administered'': needs ' || CAST(4 - COALESCE("all_vaccines_criterion_18"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("all_vaccines_criterion_18"."found", 0) AS TEXT) || ' of 4 found)'
                END
              ),
              ''
            )
            WHEN COALESCE((
              NOT (
                COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
              )
            ), FALSE)
            AND TRUE
            THEN NULLIF(
              CONCAT_WS(
                '; ',
                CASE
                  WHEN NOT COALESCE((
                    NOT (
                      COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
                    )
                  ), FALSE)
                  THEN 'none of: must not be present'
                END,
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("all_vaccines_criterion_19"."found", 0) >= 3
                  ), FALSE)
                  THEN '3 HiB of a 3-dose schedule vaccine: needs ' || CAST(3 - COALESCE("all_vaccines_criterion_19"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("all_vaccines_criterion_19"."found", 0) AS TEXT) || ' of 3 found)'
                END
              ),
              ''
            )
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_20"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to HiB vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("all_vaccines_criterion_21"."found", 0) >= 3
                )
                OR (
                  (
                    COALESCE("all_vaccines_criterion_22"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("all_vaccines_criterion_23"."found", 0) >= 2
                  )
                )
                OR (
                  COALESCE("all_vaccines_criterion_24"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_21"."found", 0) >= 3
              ), FALSE)
              THEN '3 HepB: needs ' || CAST(3 - COALESCE("all_vaccines_criterion_21"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("all_vaccines_criterion_21"."found", 0) AS TEXT) || ' of 3 found)'
            END
            WHEN TRUE AND TRUE
            THEN NULLIF(
              CONCAT_WS(
                '; ',
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("all_vaccines_criterion_22"."found", 0) >= 1
                  ), FALSE)
                  THEN 'the newborn procedure within 7 days of birth: needs 1 by ' || COALESCE(CAST(CAST("u"."birth_date" + INTERVAL 7 DAY AS DATE) AS TEXT), 'an unknown date')
                END,
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("all_vaccines_criterion_23"."found", 0) >= 2
                  ), FALSE)
                  THEN 'the newborn dose and 2 HepB: needs ' || CAST(2 - COALESCE("all_vaccines_criterion_23"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("all_vaccines_criterion_23"."found", 0) AS TEXT) || ' of 2 found)'
                END
              ),
              ''
            )
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_24"."found", 0) >= 1
              ), FALSE)
              THEN 'hepatitis B or anaphylaxis due to HepB vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("all_vaccines_criterion_25"."found", 0) >= 1
                )
                OR (
                  COALESCE("all_vaccines_criterion_26"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_25"."found", 0) >= 1
              ), FALSE)
              THEN '1 VZV: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_26"."found", 0) >= 1
              ), FALSE)
              THEN 'varicella zoster or anaphylaxis due to VZV vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("all_vaccines_criterion_27"."found", 0) >= 4
                )
                OR (
                  COALESCE("all_vaccines_criterion_28"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_27"."found", 0) >= 4
              ), FALSE)
              THEN '4 PCV: needs ' || CAST(4 - COALESCE("all_vaccines_criterion_27"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("all_vaccines_criterion_27"."found", 0) AS TEXT) || ' of 4 found)'
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_28"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to pneumococcal vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("all_vaccines_criterion_29"."found", 0) >= 1
                )
                OR (
                  COALESCE("all_vaccines_criterion_30"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_29"."found", 0) >= 1
              ), FALSE)
              THEN '1 HepA: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_30"."found", 0) >= 1
              ), FALSE)
              THEN 'hepatitis A or anaphylaxis due to HepA vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  (
                    COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("all_vaccines_criterion_32"."found", 0) >= 3
                  )
                )
                OR (
                  (
                    NOT (
                      COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
                    )
                  )
                  AND (
                    COALESCE("all_vaccines_criterion_33"."found", 0) >= 2
                  )
                )
                OR (
                  COALESCE("all_vaccines_criterion_34"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE AND TRUE
            THEN NULLIF(
              CONCAT_WS(
                '; ',
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
                  ), FALSE)
                  THEN 'record with a code in ''rotavirus_vaccine_3_dose'' or ''rotavirus_vaccine_3_dose_administered'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END,
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("all_vaccines_criterion_32"."found", 0) >= 3
                  ), FALSE)
                  THEN 'record with a code in ''rotavirus_monovalent_vaccine'' or ''rotavirus_vaccine_2_dose_administered'' or ''rotavirus_vaccine_3_dose'' or ''rotavirus_vaccine_3_dose_administered'': needs ' || CAST(3 - COALESCE("all_vaccines_criterion_32"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("all_vaccines_criterion_32"."found", 0) AS TEXT) || ' of 3 found)'
                END
              ),
              ''
            )
            WHEN COALESCE((
              NOT (
                COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
              )
            ), FALSE)
            AND TRUE
            THEN NULLIF(
              CONCAT_WS(
                '; ',
                CASE
                  WHEN NOT COALESCE((
                    NOT (
                      COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
                    )
                  ), FALSE)
                  THEN 'none of: must not be present'
                END,
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("all_vaccines_criterion_33"."found", 0) >= 2
                  ), FALSE)
                  THEN '2 rotavirus of the 2-dose schedule: needs ' || CAST(2 - COALESCE("all_vaccines_criterion_33"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("all_vaccines_criterion_33"."found", 0) AS TEXT) || ' of 2 found)'
                END
              ),
              ''
            )
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_34"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to rotavirus vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
            END
          END
        END,
        CASE
          WHEN NOT COALESCE(
            (
              (
                (
                  COALESCE("all_vaccines_criterion_35"."found", 0) >= 2
                )
                OR (
                  COALESCE("all_vaccines_criterion_36"."found", 0) >= 2
                )
                OR (
                  (
                    COALESCE("all_vaccines_criterion_37"."found", 0) >= 1
                  )
                  AND (
                    COALESCE("all_vaccines_criterion_38"."found", 0) >= 1
                  )
                )
                OR (
                  (
                    (
                      (
                        COALESCE("all_vaccines_criterion_39"."found", 0) >= 1
                      )
                      OR (
                        COALESCE("all_vaccines_criterion_40"."found", 0) >= 1
                      )
                    )
                  )
                  AND (
                    COALESCE("all_vaccines_criterion_41"."found", 0) >= 1
                  )
                )
                OR (
                  COALESCE("all_vaccines_criterion_42"."found", 0) >= 1
                )
              )
            ),
            FALSE
          )
          THEN CASE
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_35"."found", 0) >= 2
              ), FALSE)
              THEN '2 influenza doses from 180 days: needs ' || CAST(2 - COALESCE("all_vaccines_criterion_35"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("all_vaccines_criterion_35"."found", 0) AS TEXT) || ' of 2 found)'
            END
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_36"."found", 0) >= 2
              ), FALSE)
              THEN '2 influenza immunization records from 42 days: needs ' || CAST(2 - COALESCE("all_vaccines_criterion_36"."found", 0) AS TEXT) || ' more by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date') || ' (' || CAST(COALESCE("all_vaccines_criterion_36"."found", 0) AS TEXT) || ' of 2 found)'
            END
            WHEN TRUE AND TRUE
            THEN NULLIF(
              CONCAT_WS(
                '; ',
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("all_vaccines_criterion_37"."found", 0) >= 1
                  ), FALSE)
                  THEN 'record with a code in ''child_influenza_vaccine'': needs 1 by ' || COALESCE(CAST(CAST("u"."birth_date" + INTERVAL 179 DAY AS DATE) AS TEXT), 'an unknown date')
                END,
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("all_vaccines_criterion_38"."found", 0) >= 1
                  ), FALSE)
                  THEN 'record with a code in ''child_influenza_vaccine'' or ''child_influenza_vaccine_administered'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
              ),
              ''
            )
            WHEN (
              TRUE OR TRUE
            ) AND TRUE
            THEN NULLIF(
              CONCAT_WS(
                '; ',
                CASE
                  WHEN NOT COALESCE(
                    (
                      (
                        (
                          COALESCE("all_vaccines_criterion_39"."found", 0) >= 1
                        )
                        OR (
                          COALESCE("all_vaccines_criterion_40"."found", 0) >= 1
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
                          COALESCE("all_vaccines_criterion_39"."found", 0) >= 1
                        ), FALSE)
                        THEN 'record with a code in ''child_influenza_vaccine'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                      END
                    END,
                    CASE
                      WHEN TRUE
                      THEN CASE
                        WHEN NOT COALESCE((
                          COALESCE("all_vaccines_criterion_40"."found", 0) >= 1
                        ), FALSE)
                        THEN 'record with a code in ''child_influenza_vaccine_administered'': needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                      END
                    END
                  )
                END,
                CASE
                  WHEN NOT COALESCE((
                    COALESCE("all_vaccines_criterion_41"."found", 0) >= 1
                  ), FALSE)
                  THEN 'an LAIV on the second birthday: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
                END
              ),
              ''
            )
            WHEN TRUE
            THEN CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_42"."found", 0) >= 1
              ), FALSE)
              THEN 'anaphylaxis due to influenza vaccine: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
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
                COALESCE("all_vaccines_criterion_8"."found", 0) >= 4
              )
              OR (
                COALESCE("all_vaccines_criterion_9"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_8"."found", 0) >= 4
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_9"."found", 0) >= 1
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
                COALESCE("all_vaccines_criterion_10"."found", 0) >= 3
              )
              OR (
                COALESCE("all_vaccines_criterion_11"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_10"."found", 0) >= 3
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_11"."found", 0) >= 1
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
                COALESCE("all_vaccines_criterion_12"."found", 0) >= 1
              )
              OR (
                COALESCE("all_vaccines_criterion_13"."found", 0) >= 1
              )
              OR (
                (
                  COALESCE("all_vaccines_criterion_14"."found", 0) >= 1
                )
                AND (
                  COALESCE("all_vaccines_criterion_15"."found", 0) >= 1
                )
                AND (
                  COALESCE("all_vaccines_criterion_16"."found", 0) >= 1
                )
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_12"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_13"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE AND TRUE AND TRUE
          THEN LEAST(
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_14"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END,
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_15"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END,
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_16"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
          )
        END
      END,
      CASE
        WHEN NOT COALESCE(
          (
            (
              (
                (
                  COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
                )
                AND (
                  COALESCE("all_vaccines_criterion_18"."found", 0) >= 4
                )
              )
              OR (
                (
                  NOT (
                    COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
                  )
                )
                AND (
                  COALESCE("all_vaccines_criterion_19"."found", 0) >= 3
                )
              )
              OR (
                COALESCE("all_vaccines_criterion_20"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE AND TRUE
          THEN LEAST(
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END,
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_18"."found", 0) >= 4
              ), FALSE)
              THEN "u"."anchor_date"
            END
          )
          WHEN COALESCE((
            NOT (
              COALESCE("all_vaccines_criterion_17"."found", 0) >= 1
            )
          ), FALSE)
          AND TRUE
          THEN LEAST(
            CAST(NULL AS DATE),
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_19"."found", 0) >= 3
              ), FALSE)
              THEN "u"."anchor_date"
            END
          )
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_20"."found", 0) >= 1
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
                COALESCE("all_vaccines_criterion_21"."found", 0) >= 3
              )
              OR (
                (
                  COALESCE("all_vaccines_criterion_22"."found", 0) >= 1
                )
                AND (
                  COALESCE("all_vaccines_criterion_23"."found", 0) >= 2
                )
              )
              OR (
                COALESCE("all_vaccines_criterion_24"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_21"."found", 0) >= 3
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE AND TRUE
          THEN LEAST(
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_22"."found", 0) >= 1
              ), FALSE)
              THEN CAST("u"."birth_date" + INTERVAL 7 DAY AS DATE)
            END,
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_23"."found", 0) >= 2
              ), FALSE)
              THEN "u"."anchor_date"
            END
          )
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_24"."found", 0) >= 1
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
                COALESCE("all_vaccines_criterion_25"."found", 0) >= 1
              )
              OR (
                COALESCE("all_vaccines_criterion_26"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_25"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_26"."found", 0) >= 1
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
                COALESCE("all_vaccines_criterion_27"."found", 0) >= 4
              )
              OR (
                COALESCE("all_vaccines_criterion_28"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_27"."found", 0) >= 4
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_28"."found", 0) >= 1
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
                COALESCE("all_vaccines_criterion_29"."found", 0) >= 1
              )
              OR (
                COALESCE("all_vaccines_criterion_30"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_29"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_30"."found", 0) >= 1
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
                (
                  COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
                )
                AND (
                  COALESCE("all_vaccines_criterion_32"."found", 0) >= 3
                )
              )
              OR (
                (
                  NOT (
                    COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
                  )
                )
                AND (
                  COALESCE("all_vaccines_criterion_33"."found", 0) >= 2
                )
              )
              OR (
                COALESCE("all_vaccines_criterion_34"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE AND TRUE
          THEN LEAST(
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END,
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_32"."found", 0) >= 3
              ), FALSE)
              THEN "u"."anchor_date"
            END
          )
          WHEN COALESCE((
            NOT (
              COALESCE("all_vaccines_criterion_31"."found", 0) >= 1
            )
          ), FALSE)
          AND TRUE
          THEN LEAST(
            CAST(NULL AS DATE),
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_33"."found", 0) >= 2
              ), FALSE)
              THEN "u"."anchor_date"
            END
          )
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_34"."found", 0) >= 1
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
                COALESCE("all_vaccines_criterion_35"."found", 0) >= 2
              )
              OR (
                COALESCE("all_vaccines_criterion_36"."found", 0) >= 2
              )
              OR (
                (
                  COALESCE("all_vaccines_criterion_37"."found", 0) >= 1
                )
                AND (
                  COALESCE("all_vaccines_criterion_38"."found", 0) >= 1
                )
              )
              OR (
                (
                  (
                    (
                      COALESCE("all_vaccines_criterion_39"."found", 0) >= 1
                    )
                    OR (
                      COALESCE("all_vaccines_criterion_40"."found", 0) >= 1
                    )
                  )
                )
                AND (
                  COALESCE("all_vaccines_criterion_41"."found", 0) >= 1
                )
              )
              OR (
                COALESCE("all_vaccines_criterion_42"."found", 0) >= 1
              )
            )
          ),
          FALSE
        )
        THEN CASE
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_35"."found", 0) >= 2
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_36"."found", 0) >= 2
            ), FALSE)
            THEN "u"."anchor_date"
          END
          WHEN TRUE AND TRUE
          THEN LEAST(
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_37"."found", 0) >= 1
              ), FALSE)
              THEN CAST("u"."birth_date" + INTERVAL 179 DAY AS DATE)
            END,
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_38"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
          )
          WHEN (
            TRUE OR TRUE
          ) AND TRUE
          THEN LEAST(
            CASE
              WHEN NOT COALESCE(
                (
                  (
                    (
                      COALESCE("all_vaccines_criterion_39"."found", 0) >= 1
                    )
                    OR (
                      COALESCE("all_vaccines_criterion_40"."found", 0) >= 1
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
                      COALESCE("all_vaccines_criterion_39"."found", 0) >= 1
                    ), FALSE)
                    THEN "u"."anchor_date"
                  END
                END,
                CASE
                  WHEN TRUE
                  THEN CASE
                    WHEN NOT COALESCE((
                      COALESCE("all_vaccines_criterion_40"."found", 0) >= 1
                    ), FALSE)
                    THEN "u"."anchor_date"
                  END
                END
              )
            END,
            CASE
              WHEN NOT COALESCE((
                COALESCE("all_vaccines_criterion_41"."found", 0) >= 1
              ), FALSE)
              THEN "u"."anchor_date"
            END
          )
          WHEN TRUE
          THEN CASE
            WHEN NOT COALESCE((
              COALESCE("all_vaccines_criterion_42"."found", 0) >= 1
            ), FALSE)
            THEN "u"."anchor_date"
          END
        END
      END
    ) AS "numerator_due"
  FROM "units" AS "u"
  LEFT JOIN "all_vaccines_criterion_1"
    ON "all_vaccines_criterion_1"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_2"
    ON "all_vaccines_criterion_2"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_3"
    ON "all_vaccines_criterion_3"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_4"
    ON "all_vaccines_criterion_4"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_5"
    ON "all_vaccines_criterion_5"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_6"
    ON "all_vaccines_criterion_6"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_7"
    ON "all_vaccines_criterion_7"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_8"
    ON "all_vaccines_criterion_8"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_9"
    ON "all_vaccines_criterion_9"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_10"
    ON "all_vaccines_criterion_10"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_11"
    ON "all_vaccines_criterion_11"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_12"
    ON "all_vaccines_criterion_12"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_13"
    ON "all_vaccines_criterion_13"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_14"
    ON "all_vaccines_criterion_14"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_15"
    ON "all_vaccines_criterion_15"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_16"
    ON "all_vaccines_criterion_16"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_17"
    ON "all_vaccines_criterion_17"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_18"
    ON "all_vaccines_criterion_18"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_19"
    ON "all_vaccines_criterion_19"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_20"
    ON "all_vaccines_criterion_20"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_21"
    ON "all_vaccines_criterion_21"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_22"
    ON "all_vaccines_criterion_22"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_23"
    ON "all_vaccines_criterion_23"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_24"
    ON "all_vaccines_criterion_24"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_25"
    ON "all_vaccines_criterion_25"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_26"
    ON "all_vaccines_criterion_26"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_27"
    ON "all_vaccines_criterion_27"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_28"
    ON "all_vaccines_criterion_28"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_29"
    ON "all_vaccines_criterion_29"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_30"
    ON "all_vaccines_criterion_30"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_31"
    ON "all_vaccines_criterion_31"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_32"
    ON "all_vaccines_criterion_32"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_33"
    ON "all_vaccines_criterion_33"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_34"
    ON "all_vaccines_criterion_34"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_35"
    ON "all_vaccines_criterion_35"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_36"
    ON "all_vaccines_criterion_36"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_37"
    ON "all_vaccines_criterion_37"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_38"
    ON "all_vaccines_criterion_38"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_39"
    ON "all_vaccines_criterion_39"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_40"
    ON "all_vaccines_criterion_40"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_41"
    ON "all_vaccines_criterion_41"."unit_id" = "u"."unit_id"
  LEFT JOIN "all_vaccines_criterion_42"
    ON "all_vaccines_criterion_42"."unit_id" = "u"."unit_id"
) AS "f"
LEFT JOIN "all_vaccines_plan" AS "pl"
  ON "pl"."unit_id" = "f"."unit_id"
LEFT JOIN "all_vaccines_mother" AS "mo"
  ON "mo"."child_member_id" = "f"."member_id"
LEFT JOIN "all_vaccines_mothers" AS "lc"
  ON "lc"."mother_member_id" = "f"."member_id"
WHERE
  "f"."ip_met";
