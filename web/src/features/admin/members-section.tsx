import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganizationMember } from "../../../../common/identity.ts";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Loading } from "../../components/loading.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { toApiError } from "../../lib/api.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { useErrorMessage } from "../../lib/use-error-message.ts";
import { AddMemberForm } from "./add-member-form.tsx";
import { listMembers, removeMemberRole } from "./admin-api.ts";

interface MembersSectionProps {
  organizationId: string;
  organizationName: string;
}

export function MembersSection({ organizationId, organizationName }: MembersSectionProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const load = useCallback(() => listMembers(organizationId), [organizationId]);
  const [members, reload] = useAsyncData(load);
  const [status, setStatus] = useState<string | null>(null);
  const [pendingRemoval, setPendingRemoval] = useState<OrganizationMember | null>(null);

  return (
    <section className="panel" aria-labelledby="members-title">
      <h2 id="members-title">{t("admin.membersTitle")}</h2>
      <StatusMessage tone="success">{status}</StatusMessage>
      {members.state === "loading" ? <Loading /> : null}
      {members.state === "failed" ? (
        <p className="inline-error" role="alert">
          {describeError(members.error)}
        </p>
      ) : null}
      {members.state === "loaded" ? (
        <MembersTable
          members={members.data}
          caption={t("admin.membersCaption", { organization: organizationName })}
          onRemove={setPendingRemoval}
        />
      ) : null}
      <AddMemberForm
        organizationId={organizationId}
        onAdded={(member) => {
          setStatus(t("admin.memberAdded", { name: member.displayName, role: t(`roles.${member.role}`) }));
          reload();
        }}
      />
      {pendingRemoval ? (
        <RemoveRoleDialog
          organizationId={organizationId}
          organizationName={organizationName}
          member={pendingRemoval}
          onDone={(removed) => {
            setPendingRemoval(null);
            if (removed) {
              setStatus(
                t("admin.roleRemoved", { name: pendingRemoval.displayName, role: t(`roles.${pendingRemoval.role}`) }),
              );
              reload();
            }
          }}
        />
      ) : null}
    </section>
  );
}

interface RemoveRoleDialogProps extends MembersSectionProps {
  member: OrganizationMember;
  onDone: (removed: boolean) => void;
}

function RemoveRoleDialog({ organizationId, organizationName, member, onDone }: RemoveRoleDialogProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    try {
      await removeMemberRole(organizationId, member.userId, member.role);
      onDone(true);
    } catch (caught) {
      setError(describeError(toApiError(caught)));
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      title={t("admin.removeRoleConfirmTitle")}
      text={t("admin.removeRoleConfirmText", {
        name: member.displayName,
        role: t(`roles.${member.role}`),
        organization: organizationName,
      })}
      confirmLabel={t("admin.removeRoleConfirm")}
      busy={busy}
      error={error}
      onConfirm={remove}
      onCancel={() => onDone(false)}
    />
  );
}

interface MembersTableProps {
  members: readonly OrganizationMember[];
  caption: string;
  onRemove: (member: OrganizationMember) => void;
}

function MembersTable({ members, caption, onRemove }: MembersTableProps) {
  const { t } = useTranslation();
  if (members.length === 0) {
    return <p>{t("admin.noMembers")}</p>;
  }
  const sorted = [...members].sort(
    (a, b) => a.displayName.localeCompare(b.displayName) || a.role.localeCompare(b.role),
  );
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.columns.name")}</th>
            <th scope="col">{t("admin.columns.email")}</th>
            <th scope="col">{t("admin.columns.role")}</th>
            <th scope="col">{t("admin.columns.twoStep")}</th>
            <th scope="col">{t("admin.columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((member) => (
            <tr key={`${member.userId}:${member.role}`}>
              <th scope="row">{member.displayName}</th>
              <td className="table__email">{member.email}</td>
              <td>{t(`roles.${member.role}`)}</td>
              <td>{member.totpEnabled ? t("common.on") : t("common.off")}</td>
              <td>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => onRemove(member)}
                >
                  {t("admin.removeRole")}
                  <span className="visually-hidden">
                    {" "}
                    {t("admin.removeRoleLabel", { role: t(`roles.${member.role}`), name: member.displayName })}
                  </span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
