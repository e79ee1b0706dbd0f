export function SkipLink({ href = "#maincontent" }: { href?: string }) {
  return (
    <a className="nhsuk-skip-link" href={href}>
      Skip to main content
    </a>
  );
}
