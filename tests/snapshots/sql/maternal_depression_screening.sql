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
    'caregiver_depression_screening',
    'infant_face_to_face_visits',
    'well_care_visits'
  );

-- maternal_depression_screening.visits: Well-child visits in the first 6 months with a same-day caregiver depression screening
WITH "visits_units_0" AS (
  SELECT
    "u"."member_id" || '#' || CAST("e"."service_date" AS TEXT) AS "unit_id",
    "u"."member_id" AS "member_id",
    "u"."birth_date" AS "birth_date",
    CAST("e"."service_date" AS TEXT) AS "event_id",
    "e"."service_date" AS "event_date"
  FROM "members" AS "u"
  JOIN "claim_value_sets" AS "e"
    ON "e"."member_id" = "u"."member_id"
  JOIN "value_set_codes" AS "p"
    ON "p"."code" = "e"."provider_type"
    AND "p"."code_system" = 'PROVIDER_TYPE'
    AND "p"."value_set" IN ('pcp_provider_types')
    AND (
      (
        "p"."effective_from" IS NULL OR "e"."service_date" >= "p"."effective_from"
      )
      AND (
        "p"."effective_to" IS NULL OR "e"."service_date" <= "p"."effective_to"
      )
    )
  WHERE
    "e"."value_set" IN ('well_care_visits')
    AND "e"."service_date" BETWEEN "u"."birth_date" AND CAST("u"."birth_date" + INTERVAL 6 MONTH AS DATE)
    AND "e"."claim_status" IN ('paid', 'adjusted')
  GROUP BY
    "u"."member_id",
    "u"."birth_date",
    "e"."service_date"
), "units" AS (
  SELECT
    "u".*,
    "u"."event_date" AS "anchor_date"
  FROM "visits_units_0" AS "u"
), "visits_in_scope" AS (
  SELECT
    "u".*
  FROM "units" AS "u"
  WHERE
    COALESCE(
      (
        "u"."event_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
      ),
      FALSE
    )
), "visits_criterion_1" AS (
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
        "u"."event_date" AS "window_start",
        "u"."event_date" AS "window_end",
        GREATEST("e"."start_date", "u"."event_date") AS "span_start",
        LEAST("e"."end_date", "u"."event_date") AS "span_end",
        CASE WHEN NULL BETWEEN "e"."start_date" AND "e"."end_date" THEN 1 ELSE 0 END AS "covers_date"
      FROM "visits_in_scope" AS "u"
      JOIN "enrollment" AS "e"
        ON "e"."member_id" = "u"."member_id"
      WHERE
        "e"."start_date" <= "u"."event_date"
        AND "e"."end_date" >= "u"."event_date"
        AND "e"."benefit" = 'medical'
    ) AS "clipped"
  ) AS "gaps"
  GROUP BY
    "unit_id"
  HAVING
    SUM(CASE WHEN "gap_before" > 0 THEN 1 ELSE 0 END) + CASE WHEN DATE_DIFF('DAY', MAX("span_end"), MAX("window_end")) > 0 THEN 1 ELSE 0 END <= 0
    AND GREATEST(MAX("gap_before"), DATE_DIFF('DAY', MAX("span_end"), MAX("window_end"))) <= 0
), "visits_criterion_2" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "visits_in_scope" AS "u"
  JOIN "claim_value_sets" AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."value_set" IN ('caregiver_depression_screening')
    AND "e"."service_date" BETWEEN "u"."event_date" AND "u"."event_date"
    AND "e"."claim_status" IN ('paid', 'adjusted')
  GROUP BY
    "u"."unit_id"
), "visits_criterion_3" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."screening_date") AS "evidence_date",
    1 AS "found"
  FROM "visits_in_scope" AS "u"
  JOIN "dyads" AS "dy"
    ON "dy"."child_member_id" = "u"."member_id"
  JOIN "screenings" AS "e"
    ON "e"."member_id" = "dy"."mother_member_id"
  JOIN "value_set_codes" AS "vi"
    ON "vi"."code" = "e"."instrument"
    AND "vi"."code_system" = 'LOINC'
    AND "vi"."value_set" IN ('maternal_depression_instruments')
    AND (
      (
        "vi"."effective_from" IS NULL OR "e"."screening_date" >= "vi"."effective_from"
      )
      AND (
        "vi"."effective_to" IS NULL OR "e"."screening_date" <= "vi"."effective_to"
      )
    )
  WHERE
    "e"."screening_date" BETWEEN "u"."event_date" AND "u"."event_date"
    AND (
      NOT "e"."score" IS NULL
      OR NOT "e"."result" IS NULL
      OR NOT "e"."answer_code" IS NULL
    )
  GROUP BY
    "u"."unit_id"
), "visits_plan" AS (
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
    FROM "visits_in_scope" AS "u"
    JOIN "enrollment" AS "e"
      ON "e"."member_id" = "u"."member_id"
      AND "e"."benefit" = 'medical'
      AND "e"."start_date" <= "u"."anchor_date"
  ) AS "ranked"
  WHERE
    "plan_rank" = 1
), "visits_mother" AS (
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
), "visits_mothers" AS (
  SELECT DISTINCT
    "mother_member_id"
  FROM "dyads"
)
SELECT
  'maternal_depression_screening' AS "measure_id",
  'visits' AS "rate_id",
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
        "u"."event_date" BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
      ),
      FALSE
    ) AS "ip_met",
    COALESCE((
      NOT "visits_criterion_1"."unit_id" IS NULL
    ), FALSE) AS "den_met",
    FALSE AS "denex_met",
    FALSE AS "excep_met",
    COALESCE(
      (
        (
          (
            COALESCE("visits_criterion_2"."found", 0) >= 1
          )
          OR (
            COALESCE("visits_criterion_3"."found", 0) >= 1
          )
        )
      ),
      FALSE
    ) AS "num_met",
    FALSE AS "numex_met",
    'not in denominator: enrolled on the visit date' AS "denominator_failed",
    'numerator not met: caregiver depression screening on the visit date' AS "numerator_failed",
    CAST(NULL AS TEXT) AS "denominator_exclusion_reason",
    CAST(NULL AS TEXT) AS "denominator_exception_reason",
    CAST(NULL AS TEXT) AS "numerator_exclusion_reason",
    GREATEST(
      CASE
        WHEN COALESCE("visits_criterion_3"."found", 0) >= 1
        THEN "visits_criterion_3"."evidence_date"
      END,
      CASE
        WHEN COALESCE("visits_criterion_2"."found", 0) >= 1
        THEN "visits_criterion_2"."evidence_date"
      END
    ) AS "numerator_evidence",
    CAST(NULL AS TEXT) AS "numerator_sources",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("visits_criterion_2"."found", 0) >= 1
            )
            OR (
              COALESCE("visits_criterion_3"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN CASE
        WHEN TRUE
        THEN CASE
          WHEN NOT COALESCE((
            COALESCE("visits_criterion_2"."found", 0) >= 1
          ), FALSE)
          THEN 'screening billed on the infant''s claim: needs 1 by ' || COALESCE(CAST("u"."event_date" AS TEXT), 'an unknown date')
        END
        WHEN TRUE
        THEN CASE
          WHEN NOT COALESCE((
            COALESCE("visits_criterion_3"."found", 0) >= 1
          ), FALSE)
          THEN 'the linked mother''s EPDS or PHQ result: needs 1 by ' || COALESCE(CAST("u"."event_date" AS TEXT), 'an unknown date')
        END
      END
    END AS "numerator_gap",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("visits_criterion_2"."found", 0) >= 1
            )
            OR (
              COALESCE("visits_criterion_3"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN CASE
        WHEN TRUE
        THEN CASE
          WHEN NOT COALESCE((
            COALESCE("visits_criterion_2"."found", 0) >= 1
          ), FALSE)
          THEN "u"."event_date"
        END
        WHEN TRUE
        THEN CASE
          WHEN NOT COALESCE((
            COALESCE("visits_criterion_3"."found", 0) >= 1
          ), FALSE)
          THEN "u"."event_date"
        END
      END
    END AS "numerator_due"
  FROM "units" AS "u"
  LEFT JOIN "visits_criterion_1"
    ON "visits_criterion_1"."unit_id" = "u"."unit_id"
  LEFT JOIN "visits_criterion_2"
    ON "visits_criterion_2"."unit_id" = "u"."unit_id"
  LEFT JOIN "visits_criterion_3"
    ON "visits_criterion_3"."unit_id" = "u"."unit_id"
) AS "f"
LEFT JOIN "visits_plan" AS "pl"
  ON "pl"."unit_id" = "f"."unit_id"
LEFT JOIN "visits_mother" AS "mo"
  ON "mo"."child_member_id" = "f"."member_id"
LEFT JOIN "visits_mothers" AS "lc"
  ON "lc"."mother_member_id" = "f"."member_id"
WHERE
  "f"."ip_met";

-- maternal_depression_screening.infants: Infants turning 6 months whose mother was screened since birth
WITH "infants_units_0" AS (
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
    CAST("u"."birth_date" + INTERVAL 6 MONTH AS DATE) AS "anchor_date"
  FROM "infants_units_0" AS "u"
), "infants_criterion_1" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "units" AS "u"
  JOIN "claim_value_sets" AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."value_set" IN ('infant_face_to_face_visits')
    AND "e"."service_date" BETWEEN "u"."birth_date" AND CAST("u"."birth_date" + INTERVAL 6 MONTH AS DATE)
    AND "e"."claim_status" IN ('paid', 'adjusted')
  GROUP BY
    "u"."unit_id"
), "infants_in_scope" AS (
  SELECT
    "u".*
  FROM "units" AS "u"
  LEFT JOIN "infants_criterion_1"
    ON "infants_criterion_1"."unit_id" = "u"."unit_id"
  WHERE
    COALESCE(
      (
        (
          CAST("u"."birth_date" + INTERVAL 6 MONTH AS DATE) BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
        )
        AND (
          COALESCE("infants_criterion_1"."found", 0) >= 1
        )
      ),
      FALSE
    )
), "infants_criterion_2" AS (
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
        CAST("u"."birth_date" + INTERVAL 31 DAY AS DATE) AS "window_start",
        "u"."anchor_date" AS "window_end",
        GREATEST("e"."start_date", CAST("u"."birth_date" + INTERVAL 31 DAY AS DATE)) AS "span_start",
        LEAST("e"."end_date", "u"."anchor_date") AS "span_end",
        CASE
          WHEN "u"."anchor_date" BETWEEN "e"."start_date" AND "e"."end_date"
          THEN 1
          ELSE 0
        END AS "covers_date"
      FROM "infants_in_scope" AS "u"
      JOIN "enrollment" AS "e"
        ON "e"."member_id" = "u"."member_id"
      WHERE
        "e"."start_date" <= "u"."anchor_date"
        AND "e"."end_date" >= CAST("u"."birth_date" + INTERVAL 31 DAY AS DATE)
        AND "e"."benefit" = 'medical'
    ) AS "clipped"
  ) AS "gaps"
  GROUP BY
    "unit_id"
  HAVING
    SUM(CASE WHEN "gap_before" > 0 THEN 1 ELSE 0 END) + CASE WHEN DATE_DIFF('DAY', MAX("span_end"), MAX("window_end")) > 0 THEN 1 ELSE 0 END <= 1
    AND GREATEST(MAX("gap_before"), DATE_DIFF('DAY', MAX("span_end"), MAX("window_end"))) <= 45
    AND MAX("covers_date") = 1
), "infants_criterion_3" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."service_date") AS "evidence_date",
    1 AS "found"
  FROM "infants_in_scope" AS "u"
  JOIN "claim_value_sets" AS "e"
    ON "e"."member_id" = "u"."member_id"
  WHERE
    "e"."value_set" IN ('caregiver_depression_screening')
    AND "e"."service_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
    AND "e"."claim_status" IN ('paid', 'adjusted')
  GROUP BY
    "u"."unit_id"
), "infants_criterion_4" AS (
  SELECT
    "u"."unit_id" AS "unit_id",
    MAX("e"."screening_date") AS "evidence_date",
    1 AS "found"
  FROM "infants_in_scope" AS "u"
  JOIN "dyads" AS "dy"
    ON "dy"."child_member_id" = "u"."member_id"
  JOIN "screenings" AS "e"
    ON "e"."member_id" = "dy"."mother_member_id"
  JOIN "value_set_codes" AS "vi"
    ON "vi"."code" = "e"."instrument"
    AND "vi"."code_system" = 'LOINC'
    AND "vi"."value_set" IN ('maternal_depression_instruments')
    AND (
      (
        "vi"."effective_from" IS NULL OR "e"."screening_date" >= "vi"."effective_from"
      )
      AND (
        "vi"."effective_to" IS NULL OR "e"."screening_date" <= "vi"."effective_to"
      )
    )
  WHERE
    "e"."screening_date" BETWEEN "u"."birth_date" AND "u"."anchor_date"
    AND (
      NOT "e"."score" IS NULL
      OR NOT "e"."result" IS NULL
      OR NOT "e"."answer_code" IS NULL
    )
  GROUP BY
    "u"."unit_id"
), "infants_plan" AS (
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
    FROM "infants_in_scope" AS "u"
    JOIN "enrollment" AS "e"
      ON "e"."member_id" = "u"."member_id"
      AND "e"."benefit" = 'medical'
      AND "e"."start_date" <= "u"."anchor_date"
  ) AS "ranked"
  WHERE
    "plan_rank" = 1
), "infants_mother" AS (
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
), "infants_mothers" AS (
  SELECT DISTINCT
    "mother_member_id"
  FROM "dyads"
)
SELECT
  'maternal_depression_screening' AS "measure_id",
  'infants' AS "rate_id",
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
          CAST("u"."birth_date" + INTERVAL 6 MONTH AS DATE) BETWEEN CAST('2025-01-01' AS DATE) AND CAST('2025-12-31' AS DATE)
        )
        AND (
          COALESCE("infants_criterion_1"."found", 0) >= 1
        )
      ),
      FALSE
    ) AS "ip_met",
    COALESCE((
      NOT "infants_criterion_2"."unit_id" IS NULL
    ), FALSE) AS "den_met",
    FALSE AS "denex_met",
    FALSE AS "excep_met",
    COALESCE(
      (
        (
          (
            COALESCE("infants_criterion_3"."found", 0) >= 1
          )
          OR (
            COALESCE("infants_criterion_4"."found", 0) >= 1
          )
        )
      ),
      FALSE
    ) AS "num_met",
    FALSE AS "numex_met",
    'not in denominator: continuously enrolled from 31 days of age to the 6-month birthday' AS "denominator_failed",
    'numerator not met: mother screened for depression between birth and the 6-month birthday' AS "numerator_failed",
    CAST(NULL AS TEXT) AS "denominator_exclusion_reason",
    CAST(NULL AS TEXT) AS "denominator_exception_reason",
    CAST(NULL AS TEXT) AS "numerator_exclusion_reason",
    GREATEST(
      CASE
        WHEN COALESCE("infants_criterion_4"."found", 0) >= 1
        THEN "infants_criterion_4"."evidence_date"
      END,
      CASE
        WHEN COALESCE("infants_criterion_3"."found", 0) >= 1
        THEN "infants_criterion_3"."evidence_date"
      END
    ) AS "numerator_evidence",
    CAST(NULL AS TEXT) AS "numerator_sources",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("infants_criterion_3"."found", 0) >= 1
            )
            OR (
              COALESCE("infants_criterion_4"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN CASE
        WHEN TRUE
        THEN CASE
          WHEN NOT COALESCE((
            COALESCE("infants_criterion_3"."found", 0) >= 1
          ), FALSE)
          THEN 'screening billed on the infant''s claim: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
        END
        WHEN TRUE
        THEN CASE
          WHEN NOT COALESCE((
            COALESCE("infants_criterion_4"."found", 0) >= 1
          ), FALSE)
          THEN 'the linked mother''s EPDS or PHQ result: needs 1 by ' || COALESCE(CAST("u"."anchor_date" AS TEXT), 'an unknown date')
        END
      END
    END AS "numerator_gap",
    CASE
      WHEN NOT COALESCE(
        (
          (
            (
              COALESCE("infants_criterion_3"."found", 0) >= 1
            )
            OR (
              COALESCE("infants_criterion_4"."found", 0) >= 1
            )
          )
        ),
        FALSE
      )
      THEN CASE
        WHEN TRUE
        THEN CASE
          WHEN NOT COALESCE((
            COALESCE("infants_criterion_3"."found", 0) >= 1
          ), FALSE)
          THEN "u"."anchor_date"
        END
        WHEN TRUE
        THEN CASE
          WHEN NOT COALESCE((
            COALESCE("infants_criterion_4"."found", 0) >= 1
          ), FALSE)
          THEN "u"."anchor_date"
        END
      END
    END AS "numerator_due"
  FROM "units" AS "u"
  LEFT JOIN "infants_criterion_1"
    ON "infants_criterion_1"."unit_id" = "u"."unit_id"
  LEFT JOIN "infants_criterion_2"
    ON "infants_criterion_2"."unit_id" = "u"."unit_id"
  LEFT JOIN "infants_criterion_3"
    ON "infants_criterion_3"."unit_id" = "u"."unit_id"
  LEFT JOIN "infants_criterion_4"
    ON "infants_criterion_4"."unit_id" = "u"."unit_id"
) AS "f"
LEFT JOIN "infants_plan" AS "pl"
  ON "pl"."unit_id" = "f"."unit_id"
LEFT JOIN "infants_mother" AS "mo"
  ON "mo"."child_member_id" = "f"."member_id"
LEFT JOIN "infants_mothers" AS "lc"
  ON "lc"."mother_member_id" = "f"."member_id"
WHERE
  "f"."ip_met";
