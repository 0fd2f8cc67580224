import { setupPostgresTemplate } from "./global-setup";

export default setupPostgresTemplate;
