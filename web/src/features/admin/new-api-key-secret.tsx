import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { CopyableText } from "../../components/copyable-text.tsx";
import type { CreatedApiKey } from "./admin-api.ts";

interface NewApiKeySecretProps {
  apiKey: CreatedApiKey;
  onDismiss: () => void;
}

/** The one and only time the secret is shown; focus moves here so nobody misses it. */
export function NewApiKeySecret({ apiKey, onDismiss }: NewApiKeySecretProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="secret-panel" aria-labelledby="new-key-title">
      <h3 id="new-key-title" tabIndex={-1} ref={headingRef}>
        {t("admin.newKeyTitle", { name: apiKey.name })}
      </h3>
      <p className="secret-panel__warning">
        <strong>{t("admin.newKeyWarning")}</strong>
      </p>
      <CopyableText
        id="new-key-secret"
        label={t("admin.newKeySecret")}
        value={apiKey.secret}
        copyLabel={t("admin.copyKey")}
      />
      <button type="button" className="button button--secondary" onClick={onDismiss}>
        {t("admin.newKeyDone")}
      </button>
    </section>
  );
}
