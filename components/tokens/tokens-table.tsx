"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { format } from "date-fns";
import { KeyRound } from "lucide-react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import type { TApiToken } from "@/server/tokens/api-tokens";

export function TokensTable() {
  const trpc = useTRPC();
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  if (tokens.isPending) return <Skeleton className="m-5 h-24" />;
  if (tokens.isError)
    return (
      <p role="alert" className="px-5 py-4 text-sm text-destructive">
        {errorMessageOf(tokens.error)}
      </p>
    );
  if (tokens.data.length === 0)
    return (
      <EmptyState icon={KeyRound} title="No tokens yet" className="m-5">
        Create one above to use the benchtop CLI or the REST API from your scripts.
      </EmptyState>
    );
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Token</TableHead>
          <TableHead className="hidden md:table-cell">Created</TableHead>
          <TableHead className="hidden sm:table-cell">Last used</TableHead>
          <TableHead className="hidden lg:table-cell">Expires</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tokens.data.map((token) => (
          <TokenRow key={token.id} token={token} />
        ))}
      </TableBody>
    </Table>
  );
}

function TokenRow({ token }: { token: TApiToken }) {
  const status = statusOf(token);
  return (
    <TableRow className={status === "active" ? undefined : "text-muted-foreground"}>
      <TableCell className="font-medium">{token.name}</TableCell>
      <TableCell>
        <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{token.prefix}…</code>
      </TableCell>
      <TableCell className="hidden text-muted-foreground md:table-cell">
        <time dateTime={token.createdAt.toISOString()} suppressHydrationWarning>
          {format(token.createdAt, "d MMM yyyy")}
        </time>
      </TableCell>
      <TableCell className="hidden text-muted-foreground sm:table-cell">
        {token.lastUsedAt ? <RelativeTime date={token.lastUsedAt} /> : "Never"}
      </TableCell>
      <TableCell className="hidden text-muted-foreground lg:table-cell">
        {token.expiresAt ? (
          <time dateTime={token.expiresAt.toISOString()} suppressHydrationWarning>
            {format(token.expiresAt, "d MMM yyyy")}
          </time>
        ) : (
          "Never"
        )}
      </TableCell>
      <TableCell>
        {status === "active" ? (
          <Badge variant="success">Active</Badge>
        ) : status === "expired" ? (
          <Badge variant="outline">Expired</Badge>
        ) : (
          <Badge variant="destructive">Revoked</Badge>
        )}
      </TableCell>
      <TableCell className="text-right">{status === "revoked" ? null : <RevokeButton token={token} />}</TableCell>
    </TableRow>
  );
}

function RevokeButton({ token }: { token: TApiToken }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(trpc.tokens.revoke.mutationOptions());
  async function onConfirm() {
    try {
      await revoke.mutateAsync({ tokenId: token.id });
    } catch (error) {
      toast.error(errorMessageOf(error));
      throw error;
    }
    toast.success(`Revoked ${token.name}`);
    await queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
  }
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-muted-foreground hover:text-destructive">
          Revoke<span className="sr-only"> {token.name}</span>
        </Button>
      }
      title={`Revoke “${token.name}”?`}
      description={`Scripts and command lines using ${token.prefix}… stop working at once. This cannot be undone; you can create a new token instead.`}
      confirmLabel="Revoke token"
      destructive
      onConfirm={onConfirm}
    />
  );
}

function statusOf(token: TApiToken): "active" | "expired" | "revoked" {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= Date.now()) return "expired";
  return "active";
}
