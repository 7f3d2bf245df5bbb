import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SECTORS, type TaxonomyCode } from "../../../../common/agreements.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { SelectField } from "../../components/select-field.tsx";
import { TextField } from "../../components/text-field.tsx";
import { currentLocale } from "../../lib/i18n.ts";
import { type FieldErrors, useForm } from "../../lib/use-form.ts";
import { countryName } from "./agreement-format.ts";
import { COVERS, type SearchField, type SearchValues } from "./search-state.ts";

const FIELD_IDS: Record<SearchField, string> = {
  q: "library-q",
  country: "library-country",
  sector: "library-sector",
  covers: "library-covers",
  inForceOn: "library-in-force-on",
  code: "library-code",
  min: "library-min",
  max: "library-max",
};

const FILTERS: readonly SearchField[] = ["country", "sector", "covers", "inForceOn", "code", "min", "max"];

interface SearchFormProps {
  /** The search in the address; the form shows it again after the back button. */
  values: SearchValues;
  countries: readonly string[];
  codes: readonly TaxonomyCode[];
  onSearch: (values: SearchValues) => void;
}

export function SearchForm({ values, countries, codes, onSearch }: SearchFormProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const form = useForm({
    fieldIds: FIELD_IDS,
    initialValues: values,
    validate: (draft) => {
      const errors: FieldErrors<SearchField> = {};
      for (const bound of ["min", "max"] as const) {
        if (draft[bound].trim() !== "" && !Number.isFinite(Number(draft[bound]))) {
          errors[bound] = t("agreements.search.numberInvalid");
        }
      }
      if ((draft.min.trim() !== "" || draft.max.trim() !== "") && draft.code === "") {
        errors.code = t("agreements.search.codeNeeded");
      }
      if (!errors.min && !errors.max && draft.min !== "" && draft.max !== "" && Number(draft.min) > Number(draft.max)) {
        errors.max = t("agreements.search.maxBelowMin");
      }
      return errors;
    },
    submit: async (draft) => onSearch(draft),
  });

  // Back and forward change the address, not the form: show what the address says again.
  const signature = JSON.stringify(values);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `signature` stands for `values`.
  useEffect(() => {
    form.reset();
    form.showErrors({});
  }, [signature]);

  const activeFilters = FILTERS.filter((field) => values[field] !== "").length;
  const countryOptions = [...new Set([...countries, ...(values.country ? [values.country] : [])])]
    .map((code) => ({ value: code, label: countryName(code, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const codeOptions = codes.map((code) => ({ value: code.code, label: `${code.labels[locale]} (${code.code})` }));
  if (values.code && !codes.some((code) => code.code === values.code)) {
    codeOptions.unshift({ value: values.code, label: values.code });
  }
  const any = (label: string) => [{ value: "", label }];

  return (
    <search className="library-search" aria-label={t("agreements.search.label")}>
      <ErrorSummary items={form.summaryItems} attempt={form.attempt} />
      <form className="library-search__form" noValidate onSubmit={form.handleSubmit}>
        <div className="library-search__query">
          <TextField
            {...form.field("q")}
            label={t("agreements.search.q")}
            hint={t("agreements.search.qHint")}
            type="search"
            autoComplete="off"
            enterKeyHint="search"
          />
          <button type="submit" className="button">
            {t("agreements.search.submit")}
          </button>
        </div>
        <details className="library-search__filters" open={activeFilters > 0}>
          <summary>
            {t("agreements.search.filters")}
            {activeFilters > 0 ? (
              <span className="badge">{t("agreements.search.activeFilters", { count: String(activeFilters) })}</span>
            ) : null}
          </summary>
          <div className="library-search__grid">
            <SelectField
              {...form.field("country")}
              label={t("agreements.fields.country")}
              options={[...any(t("agreements.search.anyCountry")), ...countryOptions]}
            />
            <SelectField
              {...form.field("sector")}
              label={t("agreements.fields.sector")}
              options={[
                ...any(t("agreements.search.anySector")),
                ...SECTORS.map((sector) => ({ value: sector, label: t(`agreements.sectors.${sector}`) })),
              ]}
            />
            <SelectField
              {...form.field("covers")}
              label={t("agreements.search.covers")}
              options={[
                ...any(t("agreements.search.anyone")),
                ...COVERS.map((group) => ({ value: group, label: t(`agreements.coverage.${group}`) })),
              ]}
            />
            <TextField {...form.field("inForceOn")} label={t("agreements.search.inForceOn")} type="date" />
            <SelectField
              {...form.field("code")}
              label={t("agreements.search.code")}
              options={[...any(t("agreements.search.anyCode")), ...codeOptions]}
            />
            <div className="library-search__bounds">
              <TextField
                {...form.field("min")}
                label={t("agreements.search.min")}
                type="text"
                inputMode="decimal"
                autoComplete="off"
              />
              <TextField
                {...form.field("max")}
                label={t("agreements.search.max")}
                type="text"
                inputMode="decimal"
                autoComplete="off"
              />
              <p className="field__hint library-search__bounds-hint">{t("agreements.search.boundsHint")}</p>
            </div>
          </div>
          <div className="button-row">
            <button type="submit" className="button">
              {t("agreements.search.apply")}
            </button>
            <Link to="/agreements" className="button button--secondary">
              {t("agreements.search.clear")}
            </Link>
          </div>
        </details>
      </form>
    </search>
  );
}
