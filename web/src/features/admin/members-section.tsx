import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganizationMember } from "../../../../common/identity.ts";
import { AsyncContent } from "../../components/async-content.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { AddMemberForm } from "./add-member-form.tsx";
import { listMembers, removeMemberRole } from "./admin-api.ts";

const MEMBER_COLUMNS = ["name", "email", "role", "twoStep", "actions"] as const;

interface MembersSectionProps {
  organizationId: string;
  organizationName: string;
}

export function MembersSection({ organizationId, organizationName }: MembersSectionProps) {
  const { t } = useTranslation();
  const load = useCallback(() => listMembers(organizationId), [organizationId]);
  const [members, reload] = useAsyncData(load);
  const [status, setStatus] = useState<string | null>(null);
  const [pendingRemoval, setPendingRemoval] = useState<OrganizationMember | null>(null);

  return (
    <section className="panel" aria-labelledby="members-title">
      <h2 id="members-title">{t("admin.membersTitle")}</h2>
      <StatusMessage tone="success">{status}</StatusMessage>
      <AsyncContent data={members}>
        {(data) => (
          <MembersTable
            members={data}
            caption={t("admin.membersCaption", { organization: organizationName })}
            onRemove={setPendingRemoval}
          />
        )}
      </AsyncContent>
      <AddMemberForm
        organizationId={organizationId}
        onAdded={(member) => {
          setStatus(t("admin.memberAdded", { name: member.displayName, role: t(`roles.${member.role}`) }));
          reload();
        }}
      />
      {pendingRemoval ? (
        <ConfirmDialog
          title={t("admin.removeRoleConfirmTitle")}
          text={t("admin.removeRoleConfirmText", {
            name: pendingRemoval.displayName,
            role: t(`roles.${pendingRemoval.role}`),
            organization: organizationName,
          })}
          confirmLabel={t("admin.removeRoleConfirm")}
          onConfirm={async () => {
            await removeMemberRole(organizationId, pendingRemoval.userId, pendingRemoval.role);
            setPendingRemoval(null);
            setStatus(
              t("admin.roleRemoved", { name: pendingRemoval.displayName, role: t(`roles.${pendingRemoval.role}`) }),
            );
            reload();
          }}
          onCancel={() => setPendingRemoval(null)}
        />
      ) : null}
    </section>
  );
}

interface MembersTableProps {
  members: readonly OrganizationMember[];
  caption: string;
  onRemove: (member: OrganizationMember) => void;
}

function MembersTable({ members, caption, onRemove }: MembersTableProps) {
  const { t } = useTranslation();
  const sorted = [...members].sort(
    (a, b) => a.displayName.localeCompare(b.displayName) || a.role.localeCompare(b.role),
  );
  return (
    <DataTable
      caption={caption}
      columns={MEMBER_COLUMNS.map((column) => t(`admin.columns.${column}`))}
      rows={sorted}
      emptyText={t("admin.noMembers")}
    >
      {(member) => (
        <tr key={`${member.userId}:${member.role}`}>
          <th scope="row">{member.displayName}</th>
          <td className="table__email">{member.email}</td>
          <td>{t(`roles.${member.role}`)}</td>
          <td>{member.totpEnabled ? t("common.on") : t("common.off")}</td>
          <td>
            <button type="button" className="button button--secondary button--small" onClick={() => onRemove(member)}>
              {t("admin.removeRole")}
              <span className="visually-hidden">
                {" "}
                {t("admin.removeRoleLabel", { role: t(`roles.${member.role}`), name: member.displayName })}
              </span>
            </button>
          </td>
        </tr>
      )}
    </DataTable>
  );
}
