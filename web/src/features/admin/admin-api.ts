import { z } from "zod";
import {
  type ApiKey,
  apiKeySchema,
  createdApiKeySchema,
  type OrganizationMember,
  organizationMemberSchema,
  type Role,
} from "../../../../common/identity.ts";
import { apiRequest } from "../../lib/api.ts";

const membersResponseSchema = z.object({ members: z.array(organizationMemberSchema) });
const apiKeysResponseSchema = z.object({ apiKeys: z.array(apiKeySchema) });

export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export interface AddMemberInput {
  email: string;
  displayName: string;
  role: Role;
  password?: string;
}

function organizationPath(organizationId: string): string {
  return `/api/v1/organizations/${encodeURIComponent(organizationId)}`;
}

export async function listMembers(organizationId: string): Promise<OrganizationMember[]> {
  const answer = await apiRequest(`${organizationPath(organizationId)}/members`, { schema: membersResponseSchema });
  return answer.members;
}

export function addMember(organizationId: string, input: AddMemberInput): Promise<OrganizationMember> {
  return apiRequest(`${organizationPath(organizationId)}/members`, {
    method: "POST",
    body: input,
    schema: organizationMemberSchema,
  });
}

export function removeMemberRole(organizationId: string, userId: string, role: Role): Promise<void> {
  return apiRequest(
    `${organizationPath(organizationId)}/members/${encodeURIComponent(userId)}/roles/${encodeURIComponent(role)}`,
    { method: "DELETE" },
  );
}

export async function listApiKeys(organizationId: string): Promise<ApiKey[]> {
  const answer = await apiRequest(`${organizationPath(organizationId)}/api-keys`, { schema: apiKeysResponseSchema });
  return answer.apiKeys;
}

export function createApiKey(organizationId: string, name: string): Promise<CreatedApiKey> {
  return apiRequest(`${organizationPath(organizationId)}/api-keys`, {
    method: "POST",
    body: { name },
    schema: createdApiKeySchema,
  });
}

export function revokeApiKey(organizationId: string, keyId: string): Promise<void> {
  return apiRequest(`${organizationPath(organizationId)}/api-keys/${encodeURIComponent(keyId)}`, { method: "DELETE" });
}
