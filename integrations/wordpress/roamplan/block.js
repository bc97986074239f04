/*
 * roamplan block, editor side. No build step: plain JavaScript on the global
 * `wp` (blocks, element, blockEditor, components, i18n). The block's
 * attributes come from block.json (registered by PHP); the page shows what
 * roamplan_render() returns, the same HTML as the [roamplan] shortcode, so
 * the editor only shows a summary and the settings in the sidebar.
 */
( function ( wp ) {
	'use strict';
	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var blockEditor = wp.blockEditor;
	var components = wp.components;

	function setter( props, key ) {
		return function ( value ) {
			var next = {};
			next[ key ] = value;
			props.setAttributes( next );
		};
	}

	function text( props, key, label, help ) {
		return el( components.TextControl, {
			key: key,
			label: label,
			help: help,
			value: props.attributes[ key ] || '',
			onChange: setter( props, key ),
			__next40pxDefaultSize: true,
			__nextHasNoMarginBottom: true,
		} );
	}

	function select( props, key, label, options ) {
		return el( components.SelectControl, {
			key: key,
			label: label,
			value: props.attributes[ key ] || '',
			options: options,
			onChange: setter( props, key ),
			__next40pxDefaultSize: true,
			__nextHasNoMarginBottom: true,
		} );
	}

	function panel( title, opened, children ) {
		return el( components.PanelBody, { title: title, initialOpen: opened }, children );
	}

	var ORDER = [ 'trip', 'people', 'together', 'mb', 'home', 'esim', 'carrier', 'plan', 'cur', 'lang', 'start',
		'hp_price', 'hp_cur', 'hp_gb', 'catalogue', 'theme', 'focus', 'height', 'title' ];

	function summary( attributes ) {
		var set = ORDER.filter( function ( key ) {
			return attributes[ key ];
		} ).map( function ( key ) {
			return key + '=' + attributes[ key ];
		} );
		return set.length ? set.join( ' · ' ) : __( 'No settings: the reader types the trip.', 'roamplan' );
	}

	wp.blocks.registerBlockType( 'roamplan/widget', {
		edit: function ( props ) {
			var sidebar = el(
				blockEditor.InspectorControls,
				null,
				panel( __( 'Trip', 'roamplan' ), true, [
					text( props, 'trip', __( 'Trip (trip)', 'roamplan' ), __( 'Countries and days, e.g. HK:3,CN:2', 'roamplan' ) ),
					text( props, 'people', __( 'Travellers (people)', 'roamplan' ), __( '1 to 12', 'roamplan' ) ),
					select( props, 'together', __( 'Travelling together (together)', 'roamplan' ), [
						{ value: '', label: __( 'Default (together)', 'roamplan' ) },
						{ value: '1', label: __( 'Together', 'roamplan' ) },
						{ value: '0', label: __( 'Apart', 'roamplan' ) },
					] ),
					text( props, 'mb', __( 'MB per day (mb)', 'roamplan' ), __( 'One value, or one per traveller: 2048,300', 'roamplan' ) ),
					text( props, 'home', __( 'Home country (home)', 'roamplan' ), __( 'Two-letter code, e.g. HK', 'roamplan' ) ),
					text( props, 'esim', __( 'Phones take an eSIM (esim)', 'roamplan' ), __( '1 or 0, or one per traveller: 1,1,0', 'roamplan' ) ),
					text( props, 'start', __( 'Start date (start)', 'roamplan' ), __( 'YYYY-MM-DD; empty: the reader\'s today', 'roamplan' ) ),
					text( props, 'focus', __( 'Countries of the article (focus)', 'roamplan' ), __( 'Offered first, e.g. HK,MO', 'roamplan' ) ),
				] ),
				panel( __( 'The reader\'s own plan', 'roamplan' ), false, [
					text( props, 'carrier', __( 'Home carrier (carrier)', 'roamplan' ), __( 'As the catalogue names it, e.g. SmarTone', 'roamplan' ) ),
					text( props, 'plan', __( 'Home plan id (plan)', 'roamplan' ), __( 'A plan id from the catalogue, e.g. free-5g', 'roamplan' ) ),
					text( props, 'hp_price', __( 'Monthly price (hp_price)', 'roamplan' ), __( 'Including VAT, e.g. 20', 'roamplan' ) ),
					text( props, 'hp_cur', __( 'Its currency (hp_cur)', 'roamplan' ), __( 'e.g. EUR', 'roamplan' ) ),
					text( props, 'hp_gb', __( 'Domestic GB (hp_gb)', 'roamplan' ), __( 'e.g. 100', 'roamplan' ) ),
				] ),
				panel( __( 'Display', 'roamplan' ), false, [
					select( props, 'lang', __( 'Language (lang)', 'roamplan' ), [
						{ value: '', label: __( 'Follow the reader', 'roamplan' ) },
						{ value: 'en', label: 'English' },
						{ value: 'zh-Hans', label: '简体中文' },
						{ value: 'zh-Hant', label: '繁體中文' },
						{ value: 'fr', label: 'Français' },
					] ),
					text( props, 'cur', __( 'Currency (cur)', 'roamplan' ), __( 'e.g. HKD; empty: follow the reader', 'roamplan' ) ),
					select( props, 'theme', __( 'Theme (theme)', 'roamplan' ), [
						{ value: '', label: __( 'Light (default)', 'roamplan' ) },
						{ value: 'dark', label: __( 'Dark', 'roamplan' ) },
						{ value: 'auto', label: __( 'Follow the reader\'s system', 'roamplan' ) },
					] ),
					text( props, 'height', __( 'Height before it sizes itself (height)', 'roamplan' ), __( 'Pixels, 200 to 20000; default 900', 'roamplan' ) ),
					text( props, 'title', __( 'Frame title for screen readers (title)', 'roamplan' ), __( 'Default: Mobile data for your trip', 'roamplan' ) ),
				] ),
				panel( __( 'Catalogue', 'roamplan' ), false, [
					text( props, 'catalogue', __( 'Your own catalogue (catalogue)', 'roamplan' ), __( 'An https:// address of a format-1 catalogue', 'roamplan' ) ),
				] )
			);
			var body = el(
				'div',
				blockEditor.useBlockProps(),
				el( components.Placeholder, {
					icon: 'smartphone',
					label: __( 'roamplan travel-data calculator', 'roamplan' ),
					instructions: __( 'Shown on the published page. Settings are in the block sidebar; invalid ones are ignored (an HTML comment in the page says which).', 'roamplan' ),
				}, el( 'code', null, summary( props.attributes ) ) )
			);
			return el( wp.element.Fragment, null, sidebar, body );
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp );
