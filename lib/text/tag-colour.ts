/**
 * The NHS design system's tag colours. Lives in lib so that label maps (lib) can name a colour without
 * importing a component; components/nhs/Tag.tsx renders it.
 */
export type TagColour =
  "white" | "grey" | "green" | "aqua-green" | "blue" | "purple" | "pink" | "red" | "orange" | "yellow";
