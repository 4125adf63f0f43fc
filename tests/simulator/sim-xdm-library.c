/* sim-xdm-library.c
 *
 * What the Schema Registry holds before anyone creates anything: Adobe's
 * global container (behaviours, the Individual Profile and
 * ExperienceEvent classes, standard field groups and data types, with
 * the members the real ones have). Resolving them is the registry's
 * business.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-xdm-library"

#include "config.h"

#include <string.h>

#include "sim-xdm-library-private.h"

/* Behaviours */

static const Field record_fields[] = {
  { "!_id", "string", "Identifier", "A unique identifier for the record." },
};

static const Field time_series_fields[] = {
  { "!_id", "string", "Identifier",
    "A unique identifier for the time-series event. Two events with the same _id are duplicates." },
  { "!timestamp", "date-time", "Timestamp",
    "The time when the event or observation occurred, formatted according to RFC 3339." },
};

/* Classes */

static const Field profile_fields[] = {
  { "_repo", "object", "Repository", "Metadata the profile repository keeps about the record." },
  { "_repo.createDate", "date-time", "Create date", "When the record was first stored." },
  { "_repo.modifyDate", "date-time", "Modify date", "When the record was last changed." },
  { "profilePictureLink", "uri", "Profile picture link", "A URI pointing to a picture of the individual." },
  { "userAccount", "object", "User account", "The individual's account with the organization." },
  { "userAccount.ID", "string", "Account ID", "The account's identifier." },
  { "userAccount.status", "string{active,inactive,suspended,closed}", "Status", "The account's status." },
  { "userAccount.startDate", "date", "Start date", "When the account was opened." },
};

static const Field event_fields[] = {
  { "eventMergeId", "string", "Event merge ID",
    "An ID to correlate or merge multiple Experience Events that are essentially the same event." },
  { "eventType", "string", "Event type",
    "The primary event type for this time-series record, such as web.webpagedetails.pageViews or "
    "commerce.purchases." },
  { "producedBy", "string{self,system,salesRef,customerRep}", "Produced by",
    "A value describing the producer or origin of the event." },
  { "identityMap", "map<identity>", "Identity map",
    "The identities of the actor, grouped by identity namespace." },
  { "receivedTimestamp", "date-time", "Received timestamp", "When the platform received the event." },
};

/* Data types */

static const Field auditable_fields[] = {
  { "createdByBatchID", "uri", "Created by batch identifier", "The batch that first wrote the record." },
  { "modifiedByBatchID", "uri", "Modified by batch identifier", "The batch that last changed the record." },
  { "repositoryCreatedBy", "string", "Created by user identifier", "Who created the record." },
  { "repositoryLastModifiedBy", "string", "Modified by user identifier", "Who last changed the record." },
};

static const Field person_name_fields[] = {
  { "courtesyTitle", "string", "Courtesy title", "Normally an abbreviation of a persons title, such as Mr., Ms., Dr." },
  { "firstName", "string", "First name", "The personal, or given name." },
  { "middleName", "string", "Middle name", "Middle, alternative, or additional names supplied between the first name and last name." },
  { "lastName", "string", "Last name", "The last name, surname or family name." },
  { "fullName", "string", "Full name", "The full name of the person, in writing order most commonly accepted in the language of the name." },
  { "suffix", "string", "Suffix", "A group of letters provided after a person's name, such as Jr. or III." },
};

static const Field person_fields[] = {
  { "name", "@" DT_PERSON_NAME, "Full name", "The individual's full name." },
  { "birthDate", "date", "Birth date", "The full date a person was born." },
  { "birthDayAndMonth", "string", "Birth day and month", "The day and month a person was born, MM-DD." },
  { "birthYear", "short", "Birth year", "The year a person was born including the century." },
  { "gender", "string{male,female,not_specified,non_specific}", "Gender", "The gender identity of the person." },
  { "maritalStatus", "string{married,single,divorced,widowed,separated,unknown}", "Marital status", NULL },
  { "nationality", "string", "Nationality", "The legal relationship between a person and their state, as an ISO 3166 code." },
  { "numberOfChildren", "int", "Number of children", NULL },
};

static const Field address_fields[] = {
  { "primary", "boolean", "Primary", "Primary address indicator." },
  { "label", "string", "Label", "Free form name of the address." },
  { "street1", "string", "Street 1", "Primary Street level information, apartment number, street number and street name." },
  { "street2", "string", "Street 2", "Optional street information second line." },
  { "street3", "string", "Street 3", "Optional street information third line." },
  { "city", "string", "City", "The name of the city." },
  { "stateProvince", "string", "State or province", "The state, or province portion of the observation." },
  { "postalCode", "string", "Postal code", "The postal code of the location." },
  { "country", "string", "Country", "The name of the government-administered territory." },
  { "countryCode", "string", "Country code", "The two-character ISO 3166-1 alpha-2 code for the country." },
  { "latitude", "number", "Latitude", NULL },
  { "longitude", "number", "Longitude", NULL },
  { "status", "string{active,incomplete,pending_verification,blacklisted,blocked}", "Status", "An indication as to the ability to use the address." },
};

static const Field email_fields[] = {
  { "address", "email", "Address", "The technical address, such as name@domain.com." },
  { "primary", "boolean", "Primary", "Primary email indicator." },
  { "label", "string", "Label", NULL },
  { "status", "string{active,incomplete,pending_verification,blocked}", "Status", "An indication as to the ability to use the email address." },
  { "statusReason", "string", "Status reason", NULL },
  { "type", "string{personal,work,unique}", "Type", NULL },
};

static const Field phone_fields[] = {
  { "number", "string", "Number", "The phone number, which may contain formatting characters." },
  { "primary", "boolean", "Primary", "Primary number indicator." },
  { "countryCode", "string", "Country code", NULL },
  { "extension", "string", "Extension", NULL },
  { "status", "string{active,incomplete,pending_verification,blocked}", "Status", NULL },
  { "validity", "string{consistent,inconsistent,incomplete,invalid,valid}", "Validity", NULL },
};

static const Field device_fields[] = {
  { "typeID", "string", "Type identifier", "An identifier for the device, such as an IDFA or Android ID." },
  { "typeIDService", "string", "Type identifier service", "The namespace of the identifier in typeID." },
  { "manufacturer", "string", "Manufacturer", "The name of the organization that owns the design of the device." },
  { "model", "string", "Model", "The name of the model for the device." },
  { "modelNumber", "string", "Model number", NULL },
  { "type", "string{mobile,tablet,desktop,ereader,gaming,television,settop,mediaplayer,computers,tv screens}", "Type", NULL },
  { "colorDepth", "int", "Color depth", "The number of bits used to display the color of a single pixel." },
  { "screenHeight", "long", "Screen height", "The number of vertical pixels of the device's active display." },
  { "screenWidth", "long", "Screen width", "The number of horizontal pixels of the device's active display." },
  { "screenOrientation", "string{portrait,landscape}", "Screen orientation", NULL },
};

static const Field measure_fields[] = {
  { "id", "string", "Unique identifier", "An identifier of this occurrence." },
  { "value", "number", "Value", "The quantifiable value of the measure." },
};

/* Profile field groups */

static const Field person_details_fields[] = {
  { "person", "@" DT_PERSON, "Person", "An individual actor, contact, or owner." },
};

static const Field personal_details_fields[] = {
  { "homeAddress", "@" DT_ADDRESS, "Home address", "The individual's home address." },
  { "personalEmail", "@" DT_EMAIL, "Personal email", "A personal email address." },
  { "mobilePhone", "@" DT_PHONE, "Mobile phone", "The individual's mobile phone number." },
  { "homePhone", "@" DT_PHONE, "Home phone", "The individual's home phone number." },
  { "faxPhone", "@" DT_PHONE, "Fax phone", NULL },
};

static const Field work_details_fields[] = {
  { "workAddress", "@" DT_ADDRESS, "Work address", "The individual's work address." },
  { "workEmail", "@" DT_EMAIL, "Work email", "A work email address." },
  { "workPhone", "@" DT_PHONE, "Work phone", "The individual's work phone number." },
  { "organization", "string", "Organization", "The organization the individual works for." },
  { "jobTitle", "string", "Job title", NULL },
};

static const Field subscription_fields[] = {
  { "subscriptions[]", "object", "Subscriptions", "The individual's subscriptions." },
  { "subscriptions[].ID", "string", "Subscription ID", NULL },
  { "subscriptions[].type", "string", "Type", "The subscription plan." },
  { "subscriptions[].status", "string{active,inactive,paused,cancelled}", "Status", NULL },
  { "subscriptions[].startDate", "date", "Start date", NULL },
  { "subscriptions[].endDate", "date", "End date", NULL },
  { "subscriptions[].autoRenewal", "boolean", "Automatic renewal", NULL },
  { "subscriptions[].paymentTerm", "string{monthly,quarterly,yearly}", "Payment term", NULL },
  { "subscriptions[].paymentAmount", "number", "Payment amount", NULL },
};

static const Field identity_map_fields[] = {
  { "identityMap", "map<identity>", "Identity map",
    "The identities of the individual, grouped by identity namespace." },
};

static const Field consents_fields[] = {
  { "consents", "object", "Consents and preferences", "The individual's consents and preferences." },
  { "consents.collect.val", "string{y,n,p,u}", "Collect", "Whether data may be collected." },
  { "consents.adID.val", "string{y,n,u}", "Advertising ID", NULL },
  { "consents.share.val", "string{y,n,p,u}", "Share", "Whether data may be shared with third parties." },
  { "consents.personalize.content.val", "string{y,n,p,u}", "Content personalization", NULL },
  { "consents.marketing.preferred", "string{email,push,inApp,sms,phone,phyMail,inVehicle,inHome,IoT,social,other,none,unknown}", "Preferred channel", NULL },
  { "consents.marketing.any.val", "string{y,n,p,u}", "Any channel", NULL },
  { "consents.marketing.email.val", "string{y,n,p,u}", "Email", NULL },
  { "consents.marketing.email.reason", "string", "Reason", NULL },
  { "consents.marketing.push.val", "string{y,n,p,u}", "Push", NULL },
  { "consents.marketing.sms.val", "string{y,n,p,u}", "SMS", NULL },
  { "consents.metadata.time", "date-time", "Time", "When the consents were last updated." },
};

/* ExperienceEvent field groups */

static const Field environment_fields[] = {
  { "environment", "object", "Environment", "Information about the surrounding situation the event observation occurred in." },
  { "environment.type", "string{browser,application,iot,external,widget}", "Type", "The type of the application environment." },
  { "environment.browserDetails.userAgent", "string", "User agent", "The HTTP user-agent string of the browser." },
  { "environment.browserDetails.acceptLanguage", "string", "Accept language", NULL },
  { "environment.browserDetails.cookiesEnabled", "boolean", "Cookies enabled", NULL },
  { "environment.browserDetails.javaScriptEnabled", "boolean", "JavaScript enabled", NULL },
  { "environment.browserDetails.javaScriptVersion", "string", "JavaScript version", NULL },
  { "environment.browserDetails.viewportHeight", "int", "Viewport height", "The vertical size of the browser's viewport, in pixels." },
  { "environment.browserDetails.viewportWidth", "int", "Viewport width", "The horizontal size of the browser's viewport, in pixels." },
  { "environment.browserDetails.vendor", "string", "Vendor", NULL },
  { "environment.browserDetails.name", "string", "Name", NULL },
  { "environment.browserDetails.version", "string", "Version", NULL },
  { "environment.operatingSystem", "string", "Operating system", NULL },
  { "environment.operatingSystemVendor", "string", "Operating system vendor", NULL },
  { "environment.operatingSystemVersion", "string", "Operating system version", NULL },
  { "environment.ipV4", "string", "IPv4", "The IPv4 address of the client." },
  { "environment.ipV6", "string", "IPv6", "The IPv6 address of the client." },
  { "environment.connectionType", "string{dialup,isdn,bisdn,dsl,cable,wireless_wifi,mobile,mobile_edge,mobile_2g,mobile_3g,mobile_lte,t1,t3,oc3,lan,modem}", "Connection type", NULL },
  { "environment.carrier", "string", "Mobile network carrier", NULL },
  { "environment.ISP", "string", "Internet service provider", NULL },
  { "environment.domain", "string", "Domain", "The domain of the user's ISP." },
  { "environment.language", "string", "Language", "The language of the environment, as an IETF BCP 47 tag." },
};

static const Field web_fields[] = {
  { "web", "object", "Web", "Information related to web page and link of the experience event." },
  { "web.webPageDetails", "object", "Web page details", "Details about the web page where the event occurred." },
  { "web.webPageDetails.name", "string", "Name", "The normative name of the page." },
  { "web.webPageDetails.URL", "uri", "URL", "The URL of the page." },
  { "web.webPageDetails.siteSection", "string", "Site section", "The section of the site where the page lives." },
  { "web.webPageDetails.server", "string", "Server", "The name of the server the page came from." },
  { "web.webPageDetails.viewName", "string", "View name", "The name of the view in a single page application." },
  { "web.webPageDetails.isErrorPage", "boolean", "Is error page", NULL },
  { "web.webPageDetails.isHomePage", "boolean", "Is home page", NULL },
  { "web.webPageDetails.pageViews", "@" DT_MEASURE, "Page views", "The page view count." },
  { "web.webPageDetails.publishDate", "date-time", "Publish date", NULL },
  { "web.webReferrer", "object", "Web referrer", "The page or site the visitor came from." },
  { "web.webReferrer.URL", "uri", "URL", "The referrer URL." },
  { "web.webReferrer.type", "string{internal,external,search_engine,email,social,unknown,typed_bookmarked}", "Type", NULL },
  { "web.webInteraction", "object", "Web interaction", "Details of a link click." },
  { "web.webInteraction.URL", "uri", "URL", "The URL of the link." },
  { "web.webInteraction.name", "string", "Name", "The name of the link." },
  { "web.webInteraction.type", "string{download,exit,other}", "Type", NULL },
  { "web.webInteraction.region", "string", "Region", "The region of the page where the link was." },
  { "web.webInteraction.linkClicks", "@" DT_MEASURE, "Link clicks", NULL },
};

static const Field commerce_fields[] = {
  { "commerce", "object", "Commerce", "Commerce-specific data related to the event." },
  { "commerce.order", "object", "Order", "The placed order for one or more products." },
  { "commerce.order.purchaseID", "string", "Purchase ID", "A unique identifier assigned by the seller for this purchase." },
  { "commerce.order.purchaseOrderNumber", "string", "Purchase order number", NULL },
  { "commerce.order.priceTotal", "number", "Price total", "The total price of this order after all discounts and taxes." },
  { "commerce.order.currencyCode", "string", "Currency code", "The ISO 4217 currency code used for the order totals." },
  { "commerce.order.taxAmount", "number", "Tax amount", NULL },
  { "commerce.order.discountAmount", "number", "Discount amount", NULL },
  { "commerce.order.orderType", "string{checkout,instant_purchase}", "Order type", NULL },
  { "commerce.order.lastUpdatedDate", "date-time", "Last updated date", NULL },
  { "commerce.order.payments[]", "object", "Payments", "The payments made for this order." },
  { "commerce.order.payments[].transactionID", "string", "Transaction ID", NULL },
  { "commerce.order.payments[].paymentAmount", "number", "Payment amount", NULL },
  { "commerce.order.payments[].paymentType", "string{cash,credit_card,debit_card,gift_card,check,paypal,wire_transfer,credit_card_reference,other}", "Payment type", NULL },
  { "commerce.order.payments[].currencyCode", "string", "Currency code", NULL },
  { "commerce.shipping", "object", "Shipping", "Shipping details for one or more products." },
  { "commerce.shipping.shippingMethod", "string", "Shipping method", NULL },
  { "commerce.shipping.shippingAmount", "number", "Shipping amount", NULL },
  { "commerce.shipping.address", "@" DT_ADDRESS, "Address", "The address the products are shipped to." },
  { "commerce.purchases", "@" DT_MEASURE, "Purchases", "An order has been accepted." },
  { "commerce.productViews", "@" DT_MEASURE, "Product views", "A product has been viewed." },
  { "commerce.productListAdds", "@" DT_MEASURE, "Product list adds", "A product was added to the cart." },
  { "commerce.productListRemovals", "@" DT_MEASURE, "Product list removals", NULL },
  { "commerce.productListOpens", "@" DT_MEASURE, "Product list opens", NULL },
  { "commerce.productListViews", "@" DT_MEASURE, "Product list views", NULL },
  { "commerce.checkouts", "@" DT_MEASURE, "Checkouts", NULL },
  { "commerce.saveForLaters", "@" DT_MEASURE, "Save for laters", NULL },
  { "productListItems[]", "object", "Product list items", "A list of items representing the products selected by a customer." },
  { "productListItems[].SKU", "string", "SKU", "Stock keeping unit, the unique identifier for a product defined by the vendor." },
  { "productListItems[].name", "string", "Name", "The display name for the product." },
  { "productListItems[].quantity", "int", "Quantity", "The number of units the customer has indicated they require." },
  { "productListItems[].priceTotal", "number", "Price total", "The total price for the product line item." },
  { "productListItems[].currencyCode", "string", "Currency code", NULL },
  { "productListItems[].productAddMethod", "string", "Product add method", NULL },
  { "productListItems[].product", "uri", "Product", "The XID of the product entry." },
  { "productListItems[].productImageUrl", "uri", "Product image URL", NULL },
  { "productListItems[].selectedOptions[]", "object", "Selected options", "The options the customer chose, such as size and colour." },
  { "productListItems[].selectedOptions[].attribute", "string", "Attribute", NULL },
  { "productListItems[].selectedOptions[].value", "string", "Value", NULL },
};

static const Field marketing_fields[] = {
  { "marketing", "object", "Marketing", "Marketing activities that are active with the touchpoint." },
  { "marketing.trackingCode", "string", "Tracking code", "The tracking code of the campaign." },
  { "marketing.campaignGroup", "string", "Campaign group", NULL },
  { "marketing.campaignName", "string", "Campaign name", NULL },
  { "channel", "object", "Channel", "The marketing channel the event came through." },
  { "channel._id", "uri", "Channel identifier", NULL },
  { "channel.mediaType", "string{earned,owned,paid}", "Media type", NULL },
  { "channel.mediaAction", "string{clicks,impressions,opens,views,bounces}", "Media action", NULL },
  { "channel.typeAtSource", "string", "Type at source", NULL },
};

static const Field device_group_fields[] = {
  { "device", "@" DT_DEVICE, "Device", "An identified device, application or device browser instance." },
};

static const Field place_fields[] = {
  { "placeContext", "object", "Place context", "The transient circumstances related to the observation." },
  { "placeContext.localTime", "date-time", "Local time", "The precise time the event was observed in local time." },
  { "placeContext.localTimezoneOffset", "int", "Local time zone offset", "The offset from UTC, in minutes." },
  { "placeContext.geo", "object", "Geo", "The geographic location where the event was observed." },
  { "placeContext.geo.city", "string", "City", NULL },
  { "placeContext.geo.countryCode", "string", "Country code", NULL },
  { "placeContext.geo.stateProvince", "string", "State or province", NULL },
  { "placeContext.geo.postalCode", "string", "Postal code", NULL },
  { "placeContext.geo.dmaID", "int", "DMA ID", "The Nielsen media research designated market area." },
  { "placeContext.geo._schema.latitude", "number", "Latitude", NULL },
  { "placeContext.geo._schema.longitude", "number", "Longitude", NULL },
  { "placeContext.geo._schema.elevation", "number", "Elevation", NULL },
};

static const Field application_fields[] = {
  { "application", "object", "Application", "Details of the application the event came from." },
  { "application.id", "string", "Application identifier", NULL },
  { "application.name", "string", "Name", NULL },
  { "application.version", "string", "Version", NULL },
  { "application.launches", "@" DT_MEASURE, "Launches", NULL },
  { "application.closes", "@" DT_MEASURE, "Closes", NULL },
  { "application.installs", "@" DT_MEASURE, "Installs", NULL },
  { "application.upgrades", "@" DT_MEASURE, "Upgrades", NULL },
  { "application.crashes", "@" DT_MEASURE, "Crashes", NULL },
  { "application.isInstall", "boolean", "Is install", NULL },
  { "application.isLaunch", "boolean", "Is launch", NULL },
  { "application.sessionLength", "int", "Session length", "The length of the session, in seconds." },
};

static const Field enduserids_fields[] = {
  { "endUserIDs", "object", "End user IDs", "The end user identities used by Adobe solutions." },
  { "endUserIDs._experience", "object", "Adobe Experience Cloud identities", NULL },
  { "endUserIDs._experience.mcid.id", "string", "Experience Cloud ID", NULL },
  { "endUserIDs._experience.mcid.namespace.code", "string", "Namespace code", NULL },
  { "endUserIDs._experience.mcid.authenticatedState", "string{ambiguous,authenticated,loggedOut}", "Authenticated state", NULL },
  { "endUserIDs._experience.aaid.id", "string", "Analytics ID", NULL },
  { "endUserIDs._experience.aaid.namespace.code", "string", "Namespace code", NULL },
  { "endUserIDs._experience.aaid.authenticatedState", "string{ambiguous,authenticated,loggedOut}", "Authenticated state", NULL },
  { "endUserIDs._experience.emailid.id", "string", "Email ID", NULL },
  { "endUserIDs._experience.emailid.namespace.code", "string", "Namespace code", NULL },
  { "endUserIDs._experience.emailid.authenticatedState", "string{ambiguous,authenticated,loggedOut}", "Authenticated state", NULL },
};

/**
 * sim_xdm_library_build_global:
 *
 * Returns: (transfer full) (element-type JsonObject): Adobe's resources
 */
GPtrArray *
sim_xdm_library_build_global (void)
{
  const SimXdmOwner global = { NULL, NULL, NULL, NULL };
  const char * const profile_only[] = { SIM_XDM_PROFILE, NULL };
  const char * const event_only[] = { SIM_XDM_EVENT, NULL };
  const char * const profile_bases[] = { SIM_XDM_RECORD, DT_AUDITABLE, NULL };
  const char * const event_bases[] = { SIM_XDM_TIME_SERIES, NULL };
  Library library = {
    &global,
    g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref),
    GLOBAL_CREATED_MS,
    GLOBAL_MODIFIED_MS,
  };
  JsonObject *resource;

  xdm_add_behavior (&library, SIM_XDM_RECORD, "Record Schema",
                    "Describes the behavior of a record: an entity's current state.",
                    record_fields, G_N_ELEMENTS (record_fields));
  xdm_add_behavior (&library, SIM_XDM_TIME_SERIES, "Time-series Schema",
                    "Describes the behavior of time-series data: events that happened at a point in time.",
                    time_series_fields, G_N_ELEMENTS (time_series_fields));
  xdm_add_behavior (&library, SIM_XDM_ADHOC, "Ad Hoc Schema",
                    "Describes data whose fields are namespaced for a single dataset.", NULL, 0);

  ADD_DATA_TYPE (&library, DT_AUDITABLE, "Auditable",
                 "Fields the platform keeps about who created and changed a record.", auditable_fields);
  ADD_DATA_TYPE (&library, DT_PERSON_NAME, "Person name", "Full name of a person.",
                 person_name_fields);
  ADD_DATA_TYPE (&library, DT_PERSON, "Person", "An individual actor, contact, or owner.",
                 person_fields);
  ADD_DATA_TYPE (&library, DT_ADDRESS, "Postal address", "A postal address.", address_fields);
  ADD_DATA_TYPE (&library, DT_EMAIL, "Email address", "A electronic mail address.", email_fields);
  ADD_DATA_TYPE (&library, DT_PHONE, "Phone number", "A phone number.", phone_fields);
  ADD_DATA_TYPE (&library, DT_DEVICE, "Device",
                 "An identified device, application or device browser instance.", device_fields);
  ADD_DATA_TYPE (&library, DT_MEASURE, "Measure", "A quantifiable property of an event.",
                 measure_fields);

  resource = xdm_add_composed (&library, SIM_XDM_PROFILE, SIM_XDM_CLASS, "XDM Individual Profile",
                               "A single representation of the attributes and interests of both "
                               "identified and partially-identified individuals.",
                               profile_bases, NULL, "profile", profile_fields,
                               G_N_ELEMENTS (profile_fields));
  json_object_set_string_member (resource, "version", "1.6");
  resource = xdm_add_composed (&library, SIM_XDM_EVENT, SIM_XDM_CLASS, "XDM ExperienceEvent",
                               "A time-series record of an event, such as a page view or a purchase, "
                               "together with the context it happened in.",
                               event_bases, NULL, "experienceevent", event_fields,
                               G_N_ELEMENTS (event_fields));
  json_object_set_string_member (resource, "version", "1.7");

  ADD_FIELD_GROUP (&library, FG_PERSON, "Demographic Details",
                   "Basic information about an individual: name, birth date, gender.",
                   profile_only, "person-details", person_details_fields);
  ADD_FIELD_GROUP (&library, FG_PERSONAL, "Personal Contact Details",
                   "Home address, personal email and phone numbers of an individual.",
                   profile_only, "personal-details", personal_details_fields);
  ADD_FIELD_GROUP (&library, FG_WORK, "Professional Details",
                   "Work address, work email and phone of an individual.",
                   profile_only, "work-details", work_details_fields);
  ADD_FIELD_GROUP (&library, FG_SUBSCRIPTION, "Subscription Details",
                   "The subscriptions an individual holds.", profile_only, "subscriptions",
                   subscription_fields);
  ADD_FIELD_GROUP (&library, FG_IDENTITYMAP, "IdentityMap",
                   "The identities of an individual, grouped by namespace.", profile_only,
                   "identitymap", identity_map_fields);
  ADD_FIELD_GROUP (&library, FG_CONSENTS, "Consents and Preferences",
                   "An individual's consents to collect and use data, and marketing preferences.",
                   profile_only, "consents", consents_fields);
  ADD_FIELD_GROUP (&library, FG_ENVIRONMENT, "Environment Details",
                   "Information about the browser, operating system and network of the event.",
                   event_only, "environment-details", environment_fields);
  ADD_FIELD_GROUP (&library, FG_WEB, "Web Details",
                   "Web page, referrer and link details of a web event.", event_only, "web",
                   web_fields);
  ADD_FIELD_GROUP (&library, FG_COMMERCE, "Commerce Details",
                   "Orders, product views, cart actions and the products involved.", event_only,
                   "commerce", commerce_fields);
  ADD_FIELD_GROUP (&library, FG_MARKETING, "Marketing Details",
                   "Campaign and channel details of an event.", event_only, "marketing",
                   marketing_fields);
  ADD_FIELD_GROUP (&library, FG_DEVICE, "Device Details",
                   "The device the event was observed on.", event_only, "device",
                   device_group_fields);
  ADD_FIELD_GROUP (&library, FG_PLACE, "Place Context",
                   "Where and in which time zone the event was observed.", event_only,
                   "placecontext", place_fields);
  ADD_FIELD_GROUP (&library, FG_APPLICATION, "Application Details",
                   "Lifecycle details of a mobile or desktop application.", event_only,
                   "application", application_fields);
  ADD_FIELD_GROUP (&library, FG_ENDUSERIDS, "End User ID Details",
                   "The identities Adobe solutions use for the end user.", event_only,
                   "enduserids", enduserids_fields);

  return library.resources;
}
