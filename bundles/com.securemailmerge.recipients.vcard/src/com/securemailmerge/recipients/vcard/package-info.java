/** Recipients from vCard files (.vcf) as phones, Apple Contacts, Thunderbird and Outlook export them. */
@org.eclipse.jdt.annotation.NonNullByDefault
package com.securemailmerge.recipients.vcard;
