import type { Metadata } from "next";
import Link from "next/link";
import { Wordmark } from "@/components/brand/logo";
import { NotFoundPage } from "@/components/not-found-page";

export const metadata: Metadata = { title: "Not found" };

// Outside the signed-in shell (an unknown URL): the wordmark stands in for the header.
export default function NotFound() {
  return (
    <main id="main" className="px-4 pt-10">
      <div className="flex justify-center">
        <Link href="/" className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
          <Wordmark className="text-[15px]" />
        </Link>
      </div>
      <NotFoundPage />
    </main>
  );
}
