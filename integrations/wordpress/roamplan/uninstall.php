<?php
/**
 * Removes the plugin's only stored data, the widget's address, when the
 * plugin is deleted from Plugins (not when it is only deactivated).
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'roamplan_base_url' );
