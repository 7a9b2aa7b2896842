"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus, Receipt } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError, LoadingRows } from "@/components/ui/list-states";
import { useTRPC } from "@/components/trpc/trpc";
import { LabCurrency } from "./currency-dialog";
import { RateForm } from "./rate-form";
import { RatesTable } from "./rates-table";

/** The lab's rates: the table for everyone; the "Set a rate" dialog for directors and admins. */
export function RatesView() {
  const trpc = useTRPC();
  const rates = useQuery(trpc.rates.list.queryOptions());
  const [open, setOpen] = useState(false);
  if (rates.isPending) return <LoadingRows rows={3} className="h-12" />;
  if (rates.isError) return <LoadError what="The rates" />;
  const list = rates.data;
  const setButton = list.canSet ? (
    <Button onClick={() => setOpen(true)} disabled={!list.pools.length} title={list.pools.length ? undefined : "A pool appears with its first agent"}>
      <Plus aria-hidden />
      Set a rate
    </Button>
  ) : null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <p className="text-sm text-muted-foreground">
            Prices in {list.currency}, per GPU (or CPU slot) and hour. A new rate applies from its date on; minutes already charged keep theirs.
            {list.canSet ? null : " Lab directors and admins set them."}
          </p>
          <LabCurrency />
        </div>
        {list.history.length ? setButton : null}
      </div>
      {list.history.length === 0 ? (
        <EmptyState icon={Receipt} title="No rates yet" action={setButton}>
          Until a pool’s GPU type has a rate, its minutes are recorded but charged nothing.
        </EmptyState>
      ) : (
        <Card className="overflow-hidden py-0">
          <RatesTable list={list} />
        </Card>
      )}
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="sm:max-w-xl">
          <DialogHeader>
            <DialogTitle>Set a rate</DialogTitle>
            <DialogDescription>It applies from its date on. Earlier minutes keep the rate they were charged at.</DialogDescription>
          </DialogHeader>
          {open ? <RateForm list={list} onDone={() => setOpen(false)} /> : null}
        </DialogContent>
      </Dialog>
    </div>
  );
}
