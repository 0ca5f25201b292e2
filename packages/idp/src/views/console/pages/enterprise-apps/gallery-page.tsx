import type { Child } from 'hono/jsx'
import type { ApplicationTemplate } from '../../../../enterprise-apps/gallery'
import { Blade } from '../../blade'
import { RadioGroup } from '../../choice-fields'
import { CommandBar } from '../../command-bar'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { GallerySection, GalleryTile } from '../../gallery-tile'
import type { HiddenField } from '../../hidden-fields'
import { InfoBanner } from '../../info-banner'
import { FilterPill, ListToolbar, SearchBox } from '../../list-toolbar'
import { LogoTile } from '../../logo-tile'
import { Pane } from '../../pane'
import { TextField } from '../../text-field'
import { ENTERPRISE_APPS_HREF, GALLERY_HREF } from './app-hrefs'

/** Browse Microsoft Entra Gallery (A3): the search box, the pills and the tiles that open the add pane. */
export function GalleryPage(props: {
  readonly frame: ConsoleFrame
  readonly search: string
  readonly templates: readonly ApplicationTemplate[]
  readonly overlay?: Child
}) {
  const keep = props.search === '' ? '' : `&search=${encodeURIComponent(props.search)}`
  return (
    <ConsoleLayout title="Browse Microsoft Entra Gallery" {...props.frame} overlay={props.overlay}>
      <Blade
        breadcrumbs={[
          { label: 'Home', href: '/' },
          { label: 'Enterprise applications | All applications', href: ENTERPRISE_APPS_HREF },
          { label: 'Browse Microsoft Entra Gallery' },
        ]}
        object="Browse Microsoft Entra Gallery"
        closeHref={ENTERPRISE_APPS_HREF}
        commands={
          <CommandBar
            commands={[
              {
                kind: 'link',
                label: 'Create your own application',
                icon: 'add',
                href: `${GALLERY_HREF}?pane=create-own${keep}`,
                opensPane: 'create-own',
              },
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
          <SearchBox action={GALLERY_HREF} name="search" label="Search application" value={props.search} />
          <FilterPill field="Single Sign-on" operator=":" value="All" />
          <FilterPill field="User Account Management" operator=":" value="All" />
          <FilterPill field="Categories" operator=":" value="All" />
        </ListToolbar>
        <GallerySection
          heading={props.search === '' ? 'Featured applications' : `Results for “${props.search}”`}
        >
          {props.templates.map((template) => (
            <GalleryTile
              id={`tile-${template.id}`}
              name={template.displayName}
              publisher={template.publisher}
              href={`${GALLERY_HREF}?pane=add&template=${encodeURIComponent(template.id)}${keep}`}
              opensPane={`add-${template.id}`}
              singleSignOn={template.supportedSingleSignOnModes.includes('saml')}
              provisioning={template.supportedProvisioningTypes.length > 0}
            />
          ))}
        </GallerySection>
        {props.templates.length === 0 ? (
          <p>No gallery application matches “{props.search}”. Try “Create your own application”.</p>
        ) : null}
      </Blade>
    </ConsoleLayout>
  )
}

/** The pane a gallery tile opens (A4): logo, the editable Name, publisher, modes and Create. */
export function AddGalleryAppPane(props: {
  readonly template: ApplicationTemplate
  readonly name: string
  readonly csrf: readonly HiddenField[]
  readonly closeHref: string
  readonly error?: string | undefined
}) {
  const { template } = props
  return (
    <Pane
      id={`add-${template.id}`}
      title={template.displayName}
      size="small"
      closeHref={props.closeHref}
      form={{
        action: `${GALLERY_HREF}/add`,
        fields: [...props.csrf, { name: 'template', value: template.id }],
      }}
      footer={
        <button type="submit" class="button button-primary">
          Create
        </button>
      }
    >
      {props.error ? <InfoBanner tone="error">{props.error}</InfoBanner> : null}
      <p>
        <LogoTile name={template.displayName} size="large" />
      </p>
      <TextField id="app-name" name="name" label="Name" required value={props.name} maxLength={256} />
      <dl class="properties">
        <dt>Publisher</dt>
        <dd>{template.publisher}</dd>
        <dt>Single Sign-On Mode</dt>
        <dd>SAML-based Sign-on, Linked Sign-on</dd>
        <dt>User Account Management</dt>
        <dd>{template.supportedProvisioningTypes.length > 0 ? 'Automatic User Provisioning' : 'None'}</dd>
      </dl>
      <p>{template.description}</p>
    </Pane>
  )
}

/** "Create your own application" (A3): the name and the three options, the non-gallery one working. */
export function CreateOwnAppPane(props: {
  readonly csrf: readonly HiddenField[]
  readonly closeHref: string
  readonly name: string
  readonly error?: string | undefined
}) {
  return (
    <Pane
      id="create-own"
      title="Create your own application"
      closeHref={props.closeHref}
      form={{ action: `${GALLERY_HREF}/own`, fields: props.csrf }}
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
      <TextField
        id="own-name"
        name="name"
        label="What's the name of your app?"
        required
        value={props.name}
        error={props.error}
        maxLength={256}
      />
      <RadioGroup
        id="own-kind"
        name="kind"
        legend="What are you looking to do with your application?"
        selected="non-gallery"
        options={[
          {
            value: 'proxy',
            label: 'Configure Application Proxy for secure remote access to an on-premises application',
            description: 'Not available in the sandbox.',
            disabled: true,
          },
          {
            value: 'register',
            label: "Register an application to integrate with Microsoft Entra ID (App you're developing)",
            description: 'Not available in the sandbox.',
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
