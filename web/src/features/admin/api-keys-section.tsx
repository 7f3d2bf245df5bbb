import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiKey } from "../../../../common/identity.ts";
import { AsyncContent } from "../../components/async-content.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { type CreatedApiKey, listApiKeys, revokeApiKey } from "./admin-api.ts";
import { CreateApiKeyForm } from "./create-api-key-form.tsx";
import { NewApiKeySecret } from "./new-api-key-secret.tsx";

const API_KEY_COLUMNS = ["keyName", "prefix", "created", "status", "actions"] as const;

interface ApiKeysSectionProps {
  organizationId: string;
  organizationName: string;
}

export function ApiKeysSection({ organizationId, organizationName }: ApiKeysSectionProps) {
  const { t } = useTranslation();
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
      <AsyncContent data={apiKeys}>
        {(data) => (
          <ApiKeysTable
            apiKeys={data}
            caption={t("admin.apiKeysCaption", { organization: organizationName })}
            onRevoke={setPendingRevocation}
          />
        )}
      </AsyncContent>
      <CreateApiKeyForm
        organizationId={organizationId}
        onCreated={(apiKey) => {
          setStatus(null);
          setCreatedKey(apiKey);
          reload();
        }}
      />
      {pendingRevocation ? (
        <ConfirmDialog
          title={t("admin.revokeConfirmTitle")}
          text={t("admin.revokeConfirmText", { name: pendingRevocation.name })}
          confirmLabel={t("admin.revokeConfirm")}
          onConfirm={async () => {
            await revokeApiKey(organizationId, pendingRevocation.id);
            setPendingRevocation(null);
            setStatus(t("admin.keyRevokedStatus", { name: pendingRevocation.name }));
            reload();
          }}
          onCancel={() => setPendingRevocation(null)}
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
  return (
    <DataTable
      caption={caption}
      columns={API_KEY_COLUMNS.map((column) => t(`admin.columns.${column}`))}
      rows={apiKeys}
      emptyText={t("admin.noApiKeys")}
    >
      {(apiKey) => (
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
              <button type="button" className="button button--secondary button--small" onClick={() => onRevoke(apiKey)}>
                {t("admin.revoke")}
                <span className="visually-hidden"> {apiKey.name}</span>
              </button>
            )}
          </td>
        </tr>
      )}
    </DataTable>
  );
}
