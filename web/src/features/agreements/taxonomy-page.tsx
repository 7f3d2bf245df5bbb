import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TAXONOMY_FAMILIES, type TaxonomyCode } from "../../../../common/agreements.ts";
import { AsyncContent } from "../../components/async-content.tsx";
import { currentLocale } from "../../lib/i18n.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { TranslatedList, useEnumLabel } from "./agreement-bits.tsx";
import { getTaxonomy } from "./agreements-api.ts";
import { paramsFromValues } from "./search-state.ts";

export function TaxonomyPage() {
  const { t } = useTranslation();
  usePageTitle(t("agreements.taxonomy.title"));
  const load = useCallback(() => getTaxonomy(), []);
  const [taxonomy] = useAsyncData(load);
  return (
    <>
      <p className="back-link">
        <Link to="/agreements">{t("agreements.agreement.back")}</Link>
      </p>
      <h1>{t("agreements.taxonomy.title")}</h1>
      <p className="lead">{t("agreements.taxonomy.intro")}</p>
      <AsyncContent data={taxonomy}>
        {(data) => (
          <>
            {data.version ? (
              <p className="muted">{t("agreements.taxonomy.version", { version: data.version })}</p>
            ) : null}
            <FamilyIndex codes={data.codes} />
            {TAXONOMY_FAMILIES.map((family) => {
              const codes = data.codes.filter((code) => code.family === family);
              return codes.length > 0 ? <FamilySection key={family} family={family} codes={codes} /> : null;
            })}
          </>
        )}
      </AsyncContent>
    </>
  );
}

function FamilyIndex({ codes }: { codes: readonly TaxonomyCode[] }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const families = TAXONOMY_FAMILIES.filter((family) => codes.some((code) => code.family === family));
  return (
    <nav aria-label={t("agreements.taxonomy.families")}>
      <ul className="chip-list">
        {families.map((family) => (
          <li key={family}>
            <a className="chip" href={`#family-${family}`}>
              {label("families", family)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function FamilySection({ family, codes }: { family: string; codes: readonly TaxonomyCode[] }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const locale = currentLocale();
  const titleId = `family-${family}`;
  return (
    <section className="taxonomy-family" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {label("families", family)} <code className="taxonomy-family__code">{family}</code>
      </h2>
      <ul className="taxonomy-codes">
        {codes.map((code) => (
          <li key={code.code} className="taxonomy-code">
            <h3 className="taxonomy-code__title">
              <Link to={{ pathname: "/agreements", search: paramsFromValues({ code: code.code }).toString() }}>
                {code.labels[locale]}
                <span className="visually-hidden"> – {t("agreements.taxonomy.findAgreements")}</span>
              </Link>{" "}
              <code className="taxonomy-code__id">{code.code}</code>
            </h3>
            <p className="taxonomy-code__definition">{code.definitions[locale]}</p>
            <p className="muted taxonomy-code__kinds">
              {t("agreements.taxonomy.valueKinds")}:{" "}
              {code.valueKinds.length > 0 ? (
                <TranslatedList group="valueKinds" values={code.valueKinds} />
              ) : (
                t("agreements.taxonomy.presenceOnly")
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
