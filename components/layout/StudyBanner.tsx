import { Tag } from "@/components/nhs/Tag";

/** Says plainly who runs the site, since it uses NHS.UK design patterns. */
export function StudyBanner() {
  return (
    <div className="app-study-banner">
      <div className="nhsuk-width-container">
        <p className="app-study-banner__content">
          <Tag className="app-study-banner__tag">Research study</Tag>
          <span>This website is run by Imperial College London with THET. It is not an NHS service.</span>
        </p>
      </div>
    </div>
  );
}
