// Hand-written material for the demo workspace: what a real SaaS feedback board looks like.
export const COMPANIES = [
  { name: 'Acme Corp', domain: 'acme.example', monthlyRevenue: 12000, segment: 'Enterprise' },
  { name: 'Globex', domain: 'globex.example', monthlyRevenue: 8500, segment: 'Enterprise' },
  { name: 'Initech', domain: 'initech.example', monthlyRevenue: 2400, segment: 'Mid-market' },
  { name: 'Umbrella Health', domain: 'umbrella.example', monthlyRevenue: 15000, segment: 'Enterprise' },
  { name: 'Hooli', domain: 'hooli.example', monthlyRevenue: 3100, segment: 'Mid-market' },
  { name: 'Vandelay Industries', domain: 'vandelay.example', monthlyRevenue: 950, segment: 'SMB' },
  { name: 'Stark Logistics', domain: 'stark.example', monthlyRevenue: 4200, segment: 'Mid-market' },
  { name: 'Wayne Retail', domain: 'wayne.example', monthlyRevenue: 6100, segment: 'Enterprise' },
  { name: 'Pied Piper', domain: 'piedpiper.example', monthlyRevenue: 390, segment: 'SMB' },
  { name: 'Soylent Foods', domain: 'soylent.example', monthlyRevenue: 720, segment: 'SMB' },
  { name: 'Cyberdyne', domain: 'cyberdyne.example', monthlyRevenue: 2900, segment: 'Mid-market' },
  { name: 'Tyrell Labs', domain: 'tyrell.example', monthlyRevenue: 560, segment: 'SMB' },
];

export const FIRST_NAMES = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Ken', 'Radia', 'Dennis', 'Frances', 'Guido', 'Hedy', 'James', 'Katherine', 'Leslie', 'Mary', 'Niklaus', 'Olga', 'Peter', 'Rosa', 'Sophie', 'Tim', 'Ursula', 'Vint', 'Wendy', 'Yukihiro', 'Zoe', 'Aisha', 'Bruno', 'Chen'];
export const LAST_NAMES = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Turing', 'Liskov', 'Thompson', 'Perlman', 'Ritchie', 'Allen', 'van Rossum', 'Lamarr', 'Gosling', 'Johnson', 'Lamport', 'Shaw', 'Wirth', 'Kovac', 'Norvig', 'Franklin'];

export const BOARDS = [
  { name: 'Feature Requests', slug: 'feature-requests', description: 'Ideas for making the product better. Vote for what matters to you.', visibility: 'public' as const },
  { name: 'Bugs', slug: 'bugs', description: 'Something not working as expected? Tell us here.', visibility: 'public' as const },
  { name: 'Integrations', slug: 'integrations', description: 'Tools you would like us to connect with.', visibility: 'public' as const },
  { name: 'Mobile App', slug: 'mobile-app', description: 'Feedback on the iOS and Android apps.', visibility: 'public' as const },
  { name: 'Internal Ideas', slug: 'internal-ideas', description: 'Team-only backlog: technical health and experiments.', visibility: 'private' as const },
];

export const TAGS = [
  { name: 'UX', color: '#8b5cf6' },
  { name: 'Performance', color: '#f59e0b' },
  { name: 'API', color: '#0ea5e9' },
  { name: 'Reporting', color: '#22c55e' },
  { name: 'Security', color: '#ef4444' },
  { name: 'Accessibility', color: '#14b8a6' },
];

/** [title, body] ideas per board slug; the seeder adds context variants to reach ~200 posts. */
export const IDEAS: Record<string, Array<[string, string]>> = {
  'feature-requests': [
    ['Dark mode', 'Working late, the bright UI is hard on the eyes. A **dark theme** that follows the OS setting would be great.'],
    ['Export data to CSV', 'We need to pull numbers into spreadsheets for our monthly review. A CSV export of any list view would do.'],
    ['Bulk edit items', 'Selecting 50 items and changing their owner one by one takes forever. Please add multi-select with bulk actions.'],
    ['Keyboard shortcuts', 'Power users live on the keyboard. `j`/`k` to move, `e` to edit, `?` to show all shortcuts.'],
    ['Single sign-on with SAML', 'Our security team requires SAML SSO (Okta, Azure AD) before we can roll this out company-wide.'],
    ['Custom fields', 'Let us add our own fields (dropdown, number, date) to records, and filter by them.'],
    ['Recurring tasks', 'Weekly and monthly recurring tasks, with the option to skip a single occurrence.'],
    ['Two-factor authentication', 'Support TOTP apps (1Password, Authy) for two-factor sign-in.'],
    ['Audit log', 'Admins need to see who changed what and when, with a filter by user and date range.'],
    ['Scheduled reports by email', 'Send a summary report to a list of people every Monday morning.'],
    ['Saved filters', 'I build the same filter every morning. Let me save it and pin it to the sidebar.'],
    ['Comment mentions', 'Type `@name` in a comment to notify a teammate.'],
    ['Granular permissions', 'Read-only guests, editors per project, and admins — the current two roles are not enough.'],
    ['Timeline view', 'A Gantt-style timeline to see how work lines up across weeks.'],
    ['Undo for deletions', 'I deleted the wrong item yesterday. A short undo window (or a trash bin) would save the day.'],
    ['Multiple workspaces per account', 'Switch between client workspaces without signing out.'],
  ],
  bugs: [
    ['Search does not find items with accents', 'Searching for "cafe" does not match "café". Expected both to match.'],
    ['Dashboard charts are blank in Safari', 'Since last week the charts on the dashboard render empty in Safari 17 on macOS.'],
    ['Timezone is wrong in email notifications', 'Times in notification emails are shown in UTC instead of my profile timezone.'],
    ['CSV import fails on files with a BOM', 'Files exported from Excel start with a byte-order mark and the import rejects the first column.'],
    ['Session expires while typing a long comment', 'I lost a long comment because the session timed out. Please keep me signed in or save a draft.'],
    ['Attachments over 10 MB silently fail', 'No error is shown, the upload just disappears.'],
    ['Pagination skips items when sorting by date', 'Items created in the same second appear twice or not at all when paging.'],
    ['Copy link button does nothing in Firefox', 'Clicking "Copy link" in Firefox 120 shows no toast and nothing is copied.'],
  ],
  integrations: [
    ['Slack integration', 'Post a message to a Slack channel when something changes, and create items from Slack.'],
    ['Jira two-way sync', 'Link items to Jira issues and keep status in sync both ways.'],
    ['Zapier app', 'A Zapier app with triggers and actions would cover all the tools you will never integrate natively.'],
    ['Salesforce integration', 'Show the account and opportunity value next to each request so sales can prioritise.'],
    ['Microsoft Teams notifications', 'Like the Slack integration, but for Teams.'],
    ['GitHub issues link', 'Link a request to a GitHub issue or pull request and close it when the PR merges.'],
    ['Intercom conversation import', 'Turn an Intercom conversation into feedback with one click.'],
    ['Webhooks for every event', 'Webhooks for created, updated and status changes, signed so we can verify them.'],
  ],
  'mobile-app': [
    ['Offline mode on mobile', 'On the train I lose signal. Let me read and write offline and sync later.'],
    ['Push notification settings', 'Let me choose which events send a push notification.'],
    ['iPad split view support', 'The iPad app does not support split view or slide over.'],
    ['Widgets for the home screen', 'A home-screen widget showing my items due today.'],
    ['Face ID unlock', 'Unlock the app with Face ID / fingerprint instead of typing my password.'],
    ['Android tablet layout', 'On Android tablets the app shows the phone layout stretched.'],
  ],
  'internal-ideas': [
    ['Upgrade the database driver', 'Technical health: the driver is two majors behind; upgrade and remove the workaround for connection resets.'],
    ['Experiment: onboarding checklist', 'A/B test a five-step onboarding checklist against the current empty state.'],
    ['Reduce p99 latency of search', 'Search p99 is 800 ms on large workspaces; profile and add the missing index.'],
    ['Remove the legacy importer', 'Nobody used the v1 importer in 90 days; delete it and its tests.'],
  ],
};

/** How different customers phrase the same idea: repeated ideas become realistic near-duplicates. */
/** "Dark mode" → "dark mode", to go inside a sentence. */
export const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

export const PHRASINGS: Array<(idea: string) => string> = [
  (idea) => idea,
  (idea) => `Please add ${lowerFirst(idea)}`,
  (idea) => `Support for ${lowerFirst(idea)}`,
  (idea) => `${idea} would be great`,
  (idea) => `Any plans for ${lowerFirst(idea)}?`,
  (idea) => `Request: ${lowerFirst(idea)}`,
];

/** How the team files follow-ups on its own backlog (customers' phrasings would not fit). */
export const INTERNAL_PHRASINGS: Array<(task: string) => string> = [
  (task) => task,
  (task) => `${task}: follow-up`,
  (task) => `Revisit: ${lowerFirst(task)}`,
  (task) => `${task} (second pass)`,
];

/** How people report the same bug again: a request phrasing ("Please add …") would read as nonsense. */
export const BUG_PHRASINGS: Array<(bug: string) => string> = [
  (bug) => bug,
  (bug) => `Bug: ${lowerFirst(bug)}`,
  (bug) => `${bug} (still happening)`,
  (bug) => `${bug} since the last update`,
  (bug) => `Seeing this too: ${lowerFirst(bug)}`,
  (bug) => `${bug} for our whole team`,
];

/** Which tag fits an idea, by its words (first match wins). */
export const TAG_RULES: Array<[RegExp, string]> = [
  [/sso|saml|two-factor|audit|permission|face id|session/i, 'Security'],
  [/export|report|csv|chart|dashboard/i, 'Reporting'],
  [/api|webhook|zapier|sync|slack|jira|salesforce|teams|github|intercom/i, 'API'],
  [/offline|latency|slow|search|driver/i, 'Performance'],
  [/keyboard|shortcut|dark mode/i, 'Accessibility'],
  [/.*/, 'UX'],
];

export const COMMENTS = [
  'This would save our team hours every week.',
  '+1, we have been waiting for this for a while.',
  'Any update on this? It is blocking our rollout.',
  'We worked around it with a spreadsheet, but native support would be much better.',
  'Same here — our whole support team asks for this.',
  'Would love this. Happy to beta test!',
  'Could this also cover the export case?',
  'Important for us because of compliance requirements.',
];

export const TEAM_REPLIES = [
  'Thanks for the detailed write-up! We are looking into this.',
  'Good news: this is on our roadmap for next quarter.',
  'We shipped a first version of this today — let us know what you think.',
  'Could you share a screenshot? It helps us reproduce it.',
];

/** What the team says when a post moves to a status of this kind (some moves say nothing). */
export const STATUS_MESSAGES: Record<string, string[]> = {
  under_review: ['Thanks! We are looking into how many of you need this.'],
  planned: ['On the roadmap for next quarter.', 'Planned: we will share a first version with the voters.'],
  in_progress: ['We have started on this.', 'In development — a beta is a few weeks out.'],
  shipped: ['This is live — thanks to everyone who asked for it!', 'Shipped in **version 3.2**.'],
  declined: ['Not something we plan to build: it does not fit where the product is going.'],
};
