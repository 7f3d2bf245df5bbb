import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiKey } from "../../../../common/identity.ts";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Loading } from "../../components/loading.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { toApiError } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { useErrorMessage } from "../../lib/use-error-message.ts";
import { type CreatedApiKey, listApiKeys, revokeApiKey } from "./admin-api.ts";
import { CreateApiKeyForm } from "./create-api-key-form.tsx";
import { NewApiKeySecret } from "./new-api-key-secret.tsx";

interface ApiKeysSectionProps {
  organizationId: string;
  organizationName: string;
}

export function ApiKeysSection({ organizationId, organizationName }: ApiKeysSectionProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const load = useCallback(() => listApiKeys(organizationId), [organizationId]);
  const [apiKeys, reload] = useAsyncData(load);
  const [status, setStatus] = useState<string | null>(null);
  // Held only in memory: the secret must be gone after a reload.
  const [createdKey, setCreatedKey] = useState<CreatedApiKey | null>(null);
  const [pendingRevocation, setPendingRevocation] = useState<ApiKey | null>(null);

  return (
    <section className="panel" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">{t("admin.apiKeysTitle")}</h2>
      <p>{t("admin.apiKeysIntro")}</p>
      <StatusMessage tone="success">{status}</StatusMessage>
      {createdKey ? <NewApiKeySecret apiKey={createdKey} onDismiss={() => setCreatedKey(null)} /> : null}
      {apiKeys.state === "loading" ? <Loading /> : null}
      {apiKeys.state === "failed" ? (
        <p className="inline-error" role="alert">
          {describeError(apiKeys.error)}
        </p>
      ) : null}
      {apiKeys.state === "loaded" ? (
        <ApiKeysTable
          apiKeys={apiKeys.data}
          caption={t("admin.apiKeysCaption", { organization: organizationName })}
          onRevoke={setPendingRevocation}
        />
      ) : null}
      <CreateApiKeyForm
        organizationId={organizationId}
        onCreated={(apiKey) => {
          setStatus(null);
          setCreatedKey(apiKey);
          reload();
        }}
      />
      {pendingRevocation ? (
        <RevokeApiKeyDialog
          organizationId={organizationId}
          apiKey={pendingRevocation}
          onDone={(revoked) => {
            setPendingRevocation(null);
            if (revoked) {
              setStatus(t("admin.keyRevokedStatus", { name: pendingRevocation.name }));
              reload();
            }
          }}
        />
      ) : null}
    </section>
  );
}

interface ApiKeysTableProps {
  apiKeys: readonly ApiKey[];
  caption: string;
  onRevoke: (apiKey: ApiKey) => void;
}

function ApiKeysTable({ apiKeys, caption, onRevoke }: ApiKeysTableProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (apiKeys.length === 0) {
    return <p>{t("admin.noApiKeys")}</p>;
  }
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.columns.keyName")}</th>
            <th scope="col">{t("admin.columns.prefix")}</th>
            <th scope="col">{t("admin.columns.created")}</th>
            <th scope="col">{t("admin.columns.status")}</th>
            <th scope="col">{t("admin.columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {apiKeys.map((apiKey) => (
            <tr key={apiKey.id}>
              <th scope="row">{apiKey.name}</th>
              <td>
                <code>{apiKey.prefix}</code>
              </td>
              <td>
                <time dateTime={apiKey.createdAt}>{formatDateTime(apiKey.createdAt, locale)}</time>
              </td>
              <td>
                {apiKey.revokedAt ? (
                  <span className="tag tag--muted">
                    {t("admin.keyRevoked", { date: formatDateTime(apiKey.revokedAt, locale) })}
                  </span>
                ) : (
                  <span className="tag tag--active">{t("admin.keyActive")}</span>
                )}
              </td>
              <td>
                {apiKey.revokedAt ? null : (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => onRevoke(apiKey)}
                  >
                    {t("admin.revoke")}
                    <span className="visually-hidden"> {apiKey.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RevokeApiKeyDialogProps {
  organizationId: string;
  apiKey: ApiKey;
  onDone: (revoked: boolean) => void;
}

function RevokeApiKeyDialog({ organizationId, apiKey, onDone }: RevokeApiKeyDialogProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    setBusy(true);
    try {
      await revokeApiKey(organizationId, apiKey.id);
      onDone(true);
    } catch (caught) {
      setError(describeError(toApiError(caught)));
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      title={t("admin.revokeConfirmTitle")}
      text={t("admin.revokeConfirmText", { name: apiKey.name })}
      confirmLabel={t("admin.revokeConfirm")}
      busy={busy}
      error={error}
      onConfirm={revoke}
      onCancel={() => onDone(false)}
    />
  );
}
