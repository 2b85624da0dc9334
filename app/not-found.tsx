import Link from "next/link";

export default function NotFound() {
  return (
    <main className="page page-narrow">
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <Link href="/">Go to the board</Link>
      </p>
    </main>
  );
}
