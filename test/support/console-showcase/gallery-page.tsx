import type { Child } from 'hono/jsx'
import { Blade } from '../../../packages/idp/src/views/console/blade'
import { RadioGroup } from '../../../packages/idp/src/views/console/choice-fields'
import { CommandBar } from '../../../packages/idp/src/views/console/command-bar'
import { ConsoleLayout } from '../../../packages/idp/src/views/console/console-layout'
import { GallerySection, GalleryTile } from '../../../packages/idp/src/views/console/gallery-tile'
import { InfoBanner } from '../../../packages/idp/src/views/console/info-banner'
import { FilterPill, ListToolbar, SearchBox } from '../../../packages/idp/src/views/console/list-toolbar'
import { LogoTile } from '../../../packages/idp/src/views/console/logo-tile'
import { Pane } from '../../../packages/idp/src/views/console/pane'
import { TextField } from '../../../packages/idp/src/views/console/text-field'
import { SHOWCASE_ACCOUNT, SHOWCASE_NAV, TENANT } from './showcase-nav'

const PAGE = '/showcase/gallery'
const APPS = [
  { id: 'webex', name: 'Cisco Webex', publisher: 'Cisco Systems', sso: true, provisioning: true },
  {
    id: 'webex-meetings',
    name: 'Cisco Webex Meetings',
    publisher: 'Cisco Systems',
    sso: true,
    provisioning: false,
  },
  { id: 'aws', name: 'Amazon Web Services (AWS)', publisher: 'Amazon', sso: true, provisioning: true },
  { id: 'gcp', name: 'Google Cloud Platform', publisher: 'Google', sso: true, provisioning: true },
  { id: 'sf', name: 'Salesforce', publisher: 'Salesforce', sso: true, provisioning: true },
  { id: 'sn', name: 'ServiceNow', publisher: 'ServiceNow', sso: true, provisioning: false },
]

/** Browse Microsoft Entra Gallery (A3): search, pills, tiles that open the add pane. */
export function GalleryPage(props: { readonly search: string; readonly overlay?: Child }) {
  const q = props.search.toLowerCase()
  const apps = APPS.filter((a) => q === '' || a.name.toLowerCase().includes(q))
  return (
    <ConsoleLayout
      title="Browse Microsoft Entra Gallery"
      tenantName={TENANT}
      account={SHOWCASE_ACCOUNT}
      nav={SHOWCASE_NAV}
      currentHref={PAGE}
      overlay={props.overlay}
    >
      <Blade
        breadcrumbs={[
          { label: 'Home', href: '/showcase/home' },
          { label: 'Enterprise applications | All applications', href: '/showcase/apps' },
          { label: 'Browse Microsoft Entra Gallery' },
        ]}
        object="Browse Microsoft Entra Gallery"
        closeHref="/showcase/apps"
        commands={
          <CommandBar
            commands={[
              {
                kind: 'link',
                label: 'Create your own application',
                icon: 'add',
                href: `${PAGE}?pane=create-own`,
                opensPane: 'create-own',
              },
              { kind: 'separator' },
              { kind: 'link', label: 'Got feedback?', icon: 'feedback', href: '/showcase/feedback' },
            ]}
          />
        }
      >
        <InfoBanner>This gallery holds the applications this sandbox can emulate.</InfoBanner>
        <p class="blade-intro">
          The Microsoft Entra App Gallery is a catalog of thousands of apps that make it easy to deploy and
          configure single sign-on (SSO) and automated user provisioning.
        </p>
        <ListToolbar>
          <SearchBox action={PAGE} name="search" label="Search application" value={props.search} />
          <FilterPill field="Single Sign-on" operator=":" value="All" />
          <FilterPill field="User Account Management" operator=":" value="All" />
          <FilterPill field="Categories" operator=":" value="All" />
        </ListToolbar>
        <GallerySection heading={q === '' ? 'Featured applications' : `Results for “${props.search}”`}>
          {apps.map((app) => (
            <GalleryTile
              id={`tile-${app.id}`}
              name={app.name}
              publisher={app.publisher}
              href={`${PAGE}?pane=add-${app.id}`}
              opensPane={`add-${app.id}`}
              singleSignOn={app.sso}
              provisioning={app.provisioning}
            />
          ))}
        </GallerySection>
      </Blade>
    </ConsoleLayout>
  )
}

/** The pane a gallery tile opens (A4): logo, Name, Create. */
export function AddGalleryAppPane(props: { readonly appId: string }) {
  const app = APPS.find((a) => `add-${a.id}` === props.appId) ?? APPS[0]
  if (!app) throw new Error('the showcase gallery is empty')
  return (
    <Pane
      id={props.appId}
      title={app.name}
      size="small"
      closeHref={PAGE}
      form={{
        action: '/showcase/gallery/add',
        fields: [
          { name: 'csrf', value: 'showcase-token' },
          { name: 'app', value: app.id },
        ],
      }}
      footer={
        <button type="submit" class="button button-primary">
          Create
        </button>
      }
    >
      <p>
        <LogoTile name={app.name} size="large" />
      </p>
      <TextField id="app-name" name="name" label="Name" required value={app.name} valid />
      <dl class="properties">
        <dt>Publisher</dt>
        <dd>{app.publisher}</dd>
        <dt>Single Sign-On Mode</dt>
        <dd>SAML-based Sign-on, Linked Sign-on</dd>
      </dl>
    </Pane>
  )
}

/** "Create your own application" (A3): name and the three options. */
export function CreateOwnAppPane() {
  return (
    <Pane
      id="create-own"
      title="Create your own application"
      closeHref={PAGE}
      form={{ action: '/showcase/gallery/own', fields: [{ name: 'csrf', value: 'showcase-token' }] }}
      commands={[{ kind: 'link', label: 'Got feedback?', icon: 'feedback', href: '/showcase/feedback' }]}
      footer={
        <button type="submit" class="button button-primary">
          Create
        </button>
      }
    >
      <p>
        If you are developing your own application, using Application Proxy, or want to integrate an
        application that is not in the gallery, you can create your own application here.
      </p>
      <TextField id="own-name" name="name" label="What's the name of your app?" required />
      <RadioGroup
        id="own-kind"
        name="kind"
        legend="What are you looking to do with your application?"
        selected="non-gallery"
        options={[
          {
            value: 'proxy',
            label: 'Configure Application Proxy for secure remote access to an on-premises application',
            disabled: true,
          },
          {
            value: 'register',
            label: "Register an application to integrate with Microsoft Entra ID (App you're developing)",
            disabled: true,
          },
          {
            value: 'non-gallery',
            label: "Integrate any other application you don't find in the gallery (Non-gallery)",
          },
        ]}
      />
    </Pane>
  )
}
