// What other features may embed from the first-run feature: the Settings page's sample-data section. The app frame
// imports SampleBanner, StartRedirect and (lazily) WelcomePage from their own files, so this one pulls in nothing else.
export { SampleDataSettings } from './SampleDataSettings';
