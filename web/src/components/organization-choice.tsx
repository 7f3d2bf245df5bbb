import type { Membership } from "../../../common/identity.ts";
import { SelectField } from "./select-field.tsx";

/** The organization named by `?org=` among the person's, else the first of them. */
export function chosenOrganization(organizations: Membership[], searchParams: URLSearchParams): Membership | undefined {
  return organizations.find((membership) => membership.organizationId === searchParams.get("org")) ?? organizations[0];
}

/** Which of the person's organizations a page is about: a choice when there are several, else its name. */
export function OrganizationChoice(props: {
  id: string;
  label: string;
  organizations: Membership[];
  selected: Membership;
  onChoose: (organizationId: string) => void;
}) {
  if (props.organizations.length < 2) return <p className="lead">{props.selected.organizationName}</p>;
  return (
    <div className="narrow">
      <SelectField
        id={props.id}
        label={props.label}
        value={props.selected.organizationId}
        options={props.organizations.map((organization) => ({
          value: organization.organizationId,
          label: organization.organizationName,
        }))}
        onChange={(event) => props.onChoose(event.target.value)}
      />
    </div>
  );
}
