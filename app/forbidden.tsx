import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">You do not have permission to do this</h1>
        <p>
          This page or action is for study administrators. If you need it, ask an administrator to change your role.
        </p>
        <p>
          <Link href="/admin">Go to the dashboard</Link>
        </p>
      </div>
    </div>
  );
}
